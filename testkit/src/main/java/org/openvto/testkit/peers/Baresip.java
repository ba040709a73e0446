package org.openvto.testkit.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.openvto.testkit.Deadline;

/**
 * A real baresip 1.0 as an indoor monitor (or as the calling VTO), remote-controlled through its {@code ctrl_tcp}
 * module: netstring-framed JSON commands ({@code dial}, {@code accept}, {@code hangup}, {@code uanew}…) with a
 * token, answered by a response with the same token; call and registration events arrive on the same connection
 * ({@code CALL_INCOMING}, {@code CALL_ESTABLISHED}, {@code CALL_CLOSED}, {@code CALL_RTCP}, {@code REGISTER_OK}…).
 * Config in {@code dir}: SIP on 127.0.0.1 only ({@code net_interface}, {@code sip_listen}), one transport, RTP in a
 * range, a 440 Hz sine as microphone ({@code ausine}) and a bridge as speaker — no sound card. The {@code stdio}
 * module is not loaded (it spins a CPU on a closed standard input). Output goes to {@link #log()}. Every wait has
 * a deadline and fails with {@link AssertionError} naming what was awaited and the events seen.
 */
// close() waits for the peer process to exit, interruptibly; a test is the only caller
@SuppressWarnings("try")
public final class Baresip implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How to start it. {@code caFile}: PEM trusted for TLS ({@code sip_cafile}). Note that baresip 1.0 loads it but
     * does not verify the server's certificate (libre's verify callback accepts any): TLS works, pinning is not enforced.
     */
    public record Options(
            PeerTransport transport, int sipPort, int ctrlPort, int rtpMin, int rtpMax, Path caFile, boolean video) {
        public static Options of(PeerTransport transport, int sipPort, int ctrlPort, int rtpMin) {
            return new Options(transport, sipPort, ctrlPort, rtpMin, rtpMin + 19, null, false);
        }

        public Options withCa(Path ca) {
            return new Options(transport, sipPort, ctrlPort, rtpMin, rtpMax, ca, video);
        }

        /**
         * With H.264 video (Debian's {@code baresip-ffmpeg}: {@code avcodec}) received into a display that shows
         * nothing ({@code fakevideo}); {@code rtcpsummary} logs each stream's packets and losses when a call ends.
         */
        public Options withVideo() {
            return new Options(transport, sipPort, ctrlPort, rtpMin, rtpMax, caFile, true);
        }
    }

    private final Path log;
    private final Process process;
    private final Socket control;
    private final OutputStream out;
    private final List<JsonNode> events = new ArrayList<>();
    private final List<JsonNode> pending = new ArrayList<>();
    private final List<JsonNode> responses = new ArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final Thread reader;

    private Baresip(Path log, Process process, Socket control) throws IOException {
        this.log = log;
        this.process = process;
        this.control = control;
        this.out = control.getOutputStream();
        InputStream in = new BufferedInputStream(control.getInputStream());
        this.reader = Thread.ofVirtual().name("baresip-ctrl").start(() -> read(in));
    }

    /** Writes the config (no accounts: add them with {@link #register}), starts baresip and connects to ctrl_tcp (10 s). */
    public static Baresip start(Path dir, Options o) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config"), config(o));
        Files.writeString(dir.resolve("accounts"), "");
        Files.writeString(dir.resolve("contacts"), "");
        Path log = dir.resolve("baresip.log");
        Process process = new ProcessBuilder("baresip", "-f", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        Deadline deadline = Deadline.in(Duration.ofSeconds(10));
        while (true) {
            try {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), o.ctrlPort());
                return new Baresip(log, process, s);
            } catch (IOException notYet) {
                if (!process.isAlive() || deadline.passed()) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            "baresip did not open ctrl_tcp on " + o.ctrlPort() + ":\n" + Files.readString(log));
                }
                Thread.sleep(20);
            }
        }
    }

    private static String config(Options o) {
        List<String> lines = new ArrayList<>(List.of(
                "poll_method poll",
                "net_interface 127.0.0.1",
                "sip_listen 127.0.0.1:" + o.sipPort(),
                "sip_transports " + o.transport().param(),
                "audio_player aubridge,vth",
                "audio_source ausine,440",
                "ausrc_srate 48000",
                "ausrc_channels 2",
                "audio_alert aubridge,alert",
                "module_path " + modulePath(),
                "module g711.so",
                "module aubridge.so",
                "module ausine.so",
                "module account.so",
                "module_app menu.so",
                "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + o.ctrlPort(),
                "rtp_ports " + o.rtpMin() + "-" + o.rtpMax()));
        if (o.video()) {
            lines.addAll(List.of(
                    "module avcodec.so",
                    "module fakevideo.so",
                    "module rtcpsummary.so",
                    "video_source fakevideo,nil",
                    "video_display fakevideo,nil"));
        }
        if (o.caFile() != null) {
            lines.add("sip_cafile " + o.caFile().toAbsolutePath());
        }
        return String.join("\n", lines) + "\n";
    }

    /** Where Debian's baresip keeps its modules (read from the package list, else the usual path). */
    public static String modulePath() {
        try {
            Process p = new ProcessBuilder("dpkg", "-S", "ctrl_tcp.so")
                    .redirectErrorStream(true)
                    .start();
            String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            for (String line : outText.split("\n")) {
                int at = line.indexOf(": /");
                if (at > 0 && line.endsWith("/ctrl_tcp.so")) {
                    String path = line.substring(at + 2);
                    return path.substring(0, path.lastIndexOf('/'));
                }
            }
        } catch (IOException | InterruptedException e) {
            // fall through
        }
        return "/usr/lib/baresip/modules";
    }

    private void read(InputStream in) {
        try {
            while (true) {
                int len = 0;
                int c;
                while ((c = in.read()) != ':') {
                    if (c < 0) {
                        return;
                    }
                    len = len * 10 + (c - '0');
                }
                JsonNode msg = JSON.readTree(in.readNBytes(len));
                in.read(); // the netstring's ','
                synchronized (this) {
                    if (msg.path("response").asBoolean()) {
                        responses.add(msg);
                    } else {
                        events.add(msg);
                        pending.add(msg);
                    }
                    notifyAll();
                }
            }
        } catch (IOException closed) {
            // connection closed: baresip quit
        }
    }

    /**
     * Runs a baresip command ({@code "dial"}, {@code "accept"}, {@code "hangup"}, {@code "uanew"}…) and returns the
     * response's {@code data}; fails if baresip answers {@code ok:false} or not within 10 s.
     */
    public String command(String command, String params) throws Exception {
        String token = "t" + tokens.incrementAndGet();
        ObjectNode req = JSON.createObjectNode().put("command", command).put("token", token);
        if (params != null) {
            req.put("params", params);
        }
        byte[] body = JSON.writeValueAsBytes(req);
        synchronized (out) {
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
        }
        JsonNode r = await(
                responses,
                m -> token.equals(m.path("token").asText()),
                "a response to " + command,
                Duration.ofSeconds(10),
                false);
        if (!r.path("ok").asBoolean()) {
            throw new AssertionError("baresip '" + command + " " + params + "' failed: " + r + " (log: " + log + ")");
        }
        return r.path("data").asText();
    }

    /**
     * Adds a user agent for {@code aor} (e.g. {@code sip:101%231@VDP}) with digest credentials, registering through
     * {@code outbound} (e.g. from {@link PeerTransport#proxyUri}), and waits for {@code REGISTER_OK}; fails on
     * {@code REGISTER_FAIL} with its reason. {@code answerMode} is {@code manual} or {@code auto}.
     */
    public void register(String aor, String outbound, String user, String password, String answerMode, Duration timeout)
            throws Exception {
        command(
                "uanew",
                "<" + aor + ">;auth_user=" + user + ";auth_pass=" + password + ";outbound=\"" + outbound
                        + "\";regint=60;audio_codecs=PCMU;answermode=" + answerMode);
        JsonNode ev = waitEvent(
                e -> e.path("type").asText().startsWith("REGISTER_OK")
                        || e.path("type").asText().equals("REGISTER_FAIL"),
                "REGISTER_OK or REGISTER_FAIL",
                timeout);
        if (!ev.path("type").asText().equals("REGISTER_OK")) {
            throw new AssertionError(
                    "baresip did not register " + aor + " via " + outbound + ": " + ev + " (log: " + log + ")");
        }
    }

    /** Dials {@code uri} (e.g. {@code sip:101@VDP}) from the current user agent. */
    public void dial(String uri) throws Exception {
        command("dial", uri);
    }

    /** Sends the DTMF digit {@code digit} in the current call (RFC 4733 telephone-event when negotiated). */
    public void sendDtmf(char digit) throws Exception {
        command("sndcode", String.valueOf(digit));
    }

    /** Answers the current incoming call. */
    public void accept() throws Exception {
        command("accept", null);
    }

    /** Hangs up the current call (BYE, or CANCEL/decline before it was answered). */
    public void hangup() throws Exception {
        command("hangup", null);
    }

    /** Waits for the next event of this type not returned before (e.g. {@code CALL_INCOMING}); returns it. */
    public JsonNode waitEvent(String type, Duration timeout) throws Exception {
        return waitEvent(e -> type.equals(e.path("type").asText()), type, timeout);
    }

    public JsonNode waitEvent(Predicate<JsonNode> match, String what, Duration timeout) throws Exception {
        return await(pending, match, what, timeout, true);
    }

    /**
     * Waits for an RTCP report of the current call ({@code CALL_RTCP}, about every 5 s) in which both this
     * baresip ({@code tx.sent}) and its peer ({@code rx.sent}, from the peer's sender report) sent RTP packets.
     */
    public RtpCounts waitRtp(Duration timeout) throws Exception {
        JsonNode ev = waitEvent(
                e -> "CALL_RTCP".equals(e.path("type").asText())
                        && e.path("rtcp_stats").path("tx").path("sent").asLong() > 0
                        && e.path("rtcp_stats").path("rx").path("sent").asLong() > 0,
                "an RTCP report with RTP both ways",
                timeout);
        return new RtpCounts(
                ev.path("rtcp_stats").path("tx").path("sent").asLong(),
                ev.path("rtcp_stats").path("rx").path("sent").asLong());
    }

    private synchronized JsonNode await(
            List<JsonNode> list, Predicate<JsonNode> match, String what, Duration timeout, boolean consume)
            throws InterruptedException {
        Deadline deadline = Deadline.in(timeout);
        while (true) {
            for (JsonNode m : list) {
                if (match.test(m)) {
                    if (consume) {
                        list.remove(m);
                    }
                    return m;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        "baresip exited (" + process.exitValue() + ") while awaiting " + what + "; log: " + log);
            }
            deadline.check(
                    "baresip: no " + what + " within " + timeout + "; events: " + eventTypes() + " (log: " + log + ")");
            wait(50);
        }
    }

    /** The types of every event received so far, oldest first. */
    public synchronized List<String> eventTypes() {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    /** baresip's standard output and error. */
    public Path log() {
        return log;
    }

    /** Closes the control connection and stops baresip (SIGTERM, SIGKILL after 5 s). */
    @Override
    public void close() throws Exception {
        try {
            control.close();
            reader.join(2000);
        } finally {
            Processes.stop(process, Duration.ofSeconds(5));
        }
    }
}
