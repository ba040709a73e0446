package org.openvto.testkit.peers;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openvto.testkit.Deadline;

/**
 * A real linphone 5.1 ({@code linphone-daemon}, Debian package linphone-cli) as an indoor monitor, driven through
 * the daemon's command socket ({@code --pipe}: a unix socket in /tmp, one request, one response, events kept in a
 * queue read with {@code pop-event}). It runs on a private rc file and HOME in {@code dir}: SIP on 127.0.0.1 only
 * on the chosen port and transport, RTP in the given range, audio through a private {@link PulseNull} server.
 * Everything it logs goes to {@link #log()} — cite it in assertion messages. Every wait has a deadline and fails
 * with {@link AssertionError} naming what was awaited and what the daemon said; a daemon that dies (it crashes in
 * {@code call-stats} on an audio-only call, so this driver never sends that) fails the next command.
 */
// close() waits for the peer process to exit, interruptibly; a test is the only caller
@SuppressWarnings("try")
public final class Linphone implements AutoCloseable {
    /**
     * How to start it. {@code caFile}: PEM certificate(s) trusted for TLS (the VTO's, to pin it); {@code verifyTls}
     * false turns server certificate verification off; {@code verifyName} turns the name check on
     * ({@code verify_server_cn=1}), off by default. linphone 5.1 on Debian 12 (belle-sip on mbedtls 2.28) compares
     * the proxy's host only with the certificate's CN and DNS names, not with IP-address subjectAltNames: reaching
     * the VTO as {@code 127.0.0.1} with the name check on fails the handshake ("flags=[CN-mismatch ]") although the
     * VTO's certificate lists IP 127.0.0.1.
     */
    public record Options(
            PeerTransport transport,
            int sipPort,
            int rtpMin,
            int rtpMax,
            Path caFile,
            boolean verifyTls,
            boolean verifyName,
            boolean earlyMedia) {
        public static Options of(PeerTransport transport, int sipPort, int rtpMin) {
            return new Options(transport, sipPort, rtpMin, rtpMin + 19, null, true, false, false);
        }

        public Options pinning(Path ca) {
            return new Options(transport, sipPort, rtpMin, rtpMax, ca, true, verifyName, earlyMedia);
        }

        public Options checkingName() {
            return new Options(transport, sipPort, rtpMin, rtpMax, caFile, verifyTls, true, earlyMedia);
        }

        public Options withoutVerification() {
            return new Options(transport, sipPort, rtpMin, rtpMax, caFile, false, false, earlyMedia);
        }

        public Options withEarlyMedia() {
            return new Options(transport, sipPort, rtpMin, rtpMax, caFile, verifyTls, verifyName, true);
        }
    }

    private static final Pattern EVENT = Pattern.compile("(?m)^Event: (\\S+)$");
    private final Path dir;
    private final Path log;
    private final Path pipe;
    private final PulseNull pulse;
    private final Process process;
    private final SocketChannel channel;
    private final List<String> events = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();

    private Linphone(Path dir, Path pipe, PulseNull pulse, Process process, SocketChannel channel) {
        this.dir = dir;
        this.log = dir.resolve("linphone.log");
        this.pipe = pipe;
        this.pulse = pulse;
        this.process = process;
        this.channel = channel;
    }

    /** Writes the rc file, starts PulseAudio and the daemon, and connects to its command socket (10 s deadline). */
    public static Linphone start(Path dir, Options o) throws Exception {
        Files.createDirectories(dir);
        PulseNull pulse = PulseNull.start(dir.resolve("pulse"));
        Path rc = dir.resolve("linphonerc");
        Files.writeString(rc, rc(dir, o));
        String name = "openvto-linphone-" + ProcessHandle.current().pid() + "-"
                + ThreadLocalRandom.current().nextInt(1 << 30);
        Path pipe = Path.of("/tmp", name);
        ProcessBuilder pb = new ProcessBuilder(
                        "linphone-daemon",
                        "--config",
                        rc.toString(),
                        "--log",
                        dir.resolve("linphone.log").toString(),
                        "--pipe",
                        name,
                        "--disable-stats-events")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("daemon.out").toFile());
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("PULSE_SERVER", pulse.serverAddress());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            pulse.close();
            throw e;
        }
        Deadline deadline = Deadline.in(Duration.ofSeconds(10));
        while (true) {
            if (Files.exists(pipe)) {
                try {
                    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                    ch.connect(UnixDomainSocketAddress.of(pipe));
                    return new Linphone(dir, pipe, pulse, process, ch);
                } catch (IOException notYet) {
                    // the socket file exists a moment before it listens
                }
            }
            if (!process.isAlive() || deadline.passed()) {
                process.destroyForcibly();
                pulse.close();
                throw new IllegalStateException("linphone-daemon did not open its command socket " + pipe + ":\n"
                        + Files.readString(dir.resolve("daemon.out")));
            }
            Thread.sleep(20);
        }
    }

    private static String rc(Path dir, Options o) {
        int port = o.sipPort();
        StringBuilder sb = new StringBuilder("[sip]\n")
                .append("sip_port=")
                .append(o.transport() == PeerTransport.UDP ? port : 0)
                .append('\n')
                .append("sip_tcp_port=")
                .append(o.transport() == PeerTransport.TCP ? port : 0)
                .append('\n')
                .append("sip_tls_port=")
                .append(o.transport() == PeerTransport.TLS ? port : 0)
                .append('\n')
                .append("bind_address=127.0.0.1\n")
                // no network monitor (it calls a container's network down); then register regardless of it
                .append("auto_net_state_mon=0\nregister_only_when_network_is_up=0\n")
                .append("incoming_calls_early_media=")
                .append(o.earlyMedia() ? 1 : 0)
                .append('\n')
                .append("verify_server_certs=")
                .append(o.verifyTls() ? 1 : 0)
                .append('\n')
                .append("verify_server_cn=")
                .append(o.verifyName() ? 1 : 0)
                .append('\n');
        if (o.caFile() != null) {
            sb.append("root_ca=").append(o.caFile().toAbsolutePath()).append('\n');
        }
        return sb.append("[rtp]\naudio_rtp_port=")
                .append(o.rtpMin())
                .append('-')
                .append(o.rtpMax())
                .append('\n')
                .append("[video]\ncapture=0\ndisplay=0\nautomatically_initiate=0\nautomatically_accept=0\n")
                .append("[sound]\nplayback_dev_id=")
                .append(PulseNull.SINK)
                .append("\nringer_dev_id=")
                .append(PulseNull.SINK)
                .append("\ncapture_dev_id=")
                .append(PulseNull.SOURCE)
                .append('\n')
                .append("[storage]\nuri=")
                .append(dir.resolve("linphone.db"))
                .append('\n')
                .toString();
    }

    /**
     * Sends one command and returns the daemon's whole response ({@code Status: Ok|Error}, then fields). Fails with
     * {@link IllegalStateException} if the daemon closed the socket (it died: see {@link #log()}) or did not answer in 10 s.
     */
    public synchronized String command(String line) throws IOException {
        channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        ByteBuffer buf = ByteBuffer.allocate(65536);
        channel.configureBlocking(false);
        try {
            Deadline deadline = Deadline.in(Duration.ofSeconds(10));
            while (buf.position() == 0) {
                if (channel.read(buf) < 0 || !process.isAlive()) {
                    throw new IllegalStateException("linphone-daemon died on '" + line + "'; log: " + log);
                }
                if (deadline.passed()) {
                    throw new IllegalStateException("linphone-daemon did not answer '" + line + "'; log: " + log);
                }
                sleepQuietly();
            }
            // the daemon writes each response with one write(): what is there now is all of it
            channel.read(buf);
        } finally {
            channel.configureBlocking(true);
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private String ok(String line) throws IOException {
        String r = command(line);
        if (!r.startsWith("Status: Ok")) {
            throw new AssertionError("linphone '" + line + "' failed: " + r.strip() + " (log: " + log + ")");
        }
        return r;
    }

    private static String field(String response, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ": (.*)$").matcher(response);
        return m.find() ? m.group(1).strip() : null;
    }

    /**
     * Registers {@code identity} (e.g. {@code sip:101%230@VDP}) through {@code proxyUri} (e.g. from
     * {@link PeerTransport#proxyUri}) with digest credentials, and waits until the registration is
     * {@code LinphoneRegistrationOk}; fails with the state and the log's last registrar answer otherwise.
     */
    public int register(String identity, String proxyUri, String user, String password, String realm, Duration timeout)
            throws Exception {
        int id = Integer.parseInt(
                field(ok("register " + identity + " " + proxyUri + " " + password + " " + user + " " + realm), "Id"));
        Deadline deadline = Deadline.in(timeout);
        String state = "";
        while (!deadline.passed()) {
            state = field(ok("register-status " + id), "State");
            if ("LinphoneRegistrationOk".equals(state)) {
                return id;
            }
            if ("LinphoneRegistrationFailed".equals(state)) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("linphone did not register " + identity + " via " + proxyUri + ": " + state + " — "
                + lastLines("Register refresher|authentication|TLS|certificate|error", 6) + " (log: " + log + ")");
    }

    /** Waits for an incoming call (event {@code LinphoneCallIncomingReceived} or {@code ...EarlyMedia}); returns its id. */
    public int waitIncomingCall(Duration timeout) throws Exception {
        String ev = waitEvent(e -> e.contains("Event: LinphoneCallIncoming"), "an incoming call", timeout);
        return Integer.parseInt(field(ev, "Id"));
    }

    /** Answers call {@code callId}. */
    public void answer(int callId) throws IOException {
        ok("answer " + callId);
    }

    /** Places a call to {@code uri} (e.g. {@code sip:101@VDP}); returns its id. */
    public int call(String uri) throws IOException {
        return Integer.parseInt(field(ok("call " + uri), "Id"));
    }

    /**
     * Waits until a call-state event {@code LinphoneCall<state>} (e.g. {@code StreamsRunning}, {@code End},
     * {@code Released}, {@code Error}) arrives that no earlier wait returned; returns the event text. Each event
     * is returned once, so waiting for {@code End} twice needs two calls to end.
     */
    public String waitCallState(String state, Duration timeout) throws Exception {
        return waitEvent(e -> e.contains("Event: LinphoneCall" + state + "\n"), "call state " + state, timeout);
    }

    /** Hangs up the current call (BYE, or CANCEL/decline before it was answered). */
    public void terminate() throws IOException {
        ok("terminate");
    }

    /**
     * The RTP counts of the call that ended last, from oRTP's end-of-stream report in the log ("sent N packets",
     * "received N packets"), waiting for it to be written; the call must have ended (see {@link #waitCallState}).
     */
    public RtpCounts lastCallRtp(Duration timeout) throws Exception {
        Pattern sent = Pattern.compile("ortp-message-sent\\s+(\\d+) packets");
        Pattern received = Pattern.compile("ortp-message-received\\s+(\\d+) packets");
        Deadline deadline = Deadline.in(timeout);
        while (true) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            Matcher s = sent.matcher(text);
            Matcher r = received.matcher(text);
            long tx = -1;
            long rx = -1;
            while (s.find()) {
                tx = Long.parseLong(s.group(1));
            }
            while (r.find()) {
                rx = Long.parseLong(r.group(1));
            }
            if (tx >= 0 && rx >= 0) {
                return new RtpCounts(tx, rx);
            }
            deadline.check("linphone logged no RTP statistics (has the call ended?); log: " + log);
            Thread.sleep(50);
        }
    }

    private String waitEvent(java.util.function.Predicate<String> match, String what, Duration timeout)
            throws Exception {
        Deadline deadline = Deadline.in(timeout);
        while (true) {
            drainEvents();
            for (String e : pending) {
                if (match.test(e)) {
                    pending.remove(e);
                    return e;
                }
            }
            deadline.check("linphone: no " + what + " within " + timeout + "; events: " + eventNames() + " (log: " + log
                    + ")");
            Thread.sleep(30);
        }
    }

    private void drainEvents() throws IOException {
        while (true) {
            String r = ok("pop-event");
            int at = r.indexOf("Event-type:");
            if (at >= 0) {
                events.add(r.substring(at));
                pending.add(r.substring(at));
            }
            if (at < 0 || "0".equals(field(r, "Size"))) {
                return;
            }
        }
    }

    /** Every event name received so far, oldest first, e.g. {@code [LinphoneCallIncomingReceived, ...]}. */
    public List<String> eventNames() {
        List<String> names = new ArrayList<>();
        for (String e : events) {
            Matcher m = EVENT.matcher(e);
            names.add(m.find() ? m.group(1) : e.lines().findFirst().orElse(""));
        }
        return names;
    }

    private String lastLines(String regex, int n) {
        try {
            Pattern p = Pattern.compile(regex);
            List<String> hits = Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> p.matcher(l).find())
                    .toList();
            return String.join(" | ", hits.subList(Math.max(0, hits.size() - n), hits.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The daemon's log file (liblinphone, belle-sip with every SIP message, oRTP). */
    public Path log() {
        return log;
    }

    /** Quits the daemon (SIGTERM, then SIGKILL after 5 s), stops its PulseAudio and removes the command socket. */
    @Override
    public void close() throws Exception {
        try {
            channel.close();
        } finally {
            Processes.stop(process, Duration.ofSeconds(5));
            Files.deleteIfExists(pipe);
            pulse.close();
        }
    }

    @Override
    public String toString() {
        return "linphone in " + dir;
    }
}
