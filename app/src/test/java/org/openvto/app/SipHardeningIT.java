package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;

/**
 * Inputs that real phones, scripts and attack tools send, over raw sockets to a running VTO (items 5–8 and 12 of
 * the SIP hardening issue): each gets its answer, and after each the server still answers a valid REGISTER.
 */
class SipHardeningIT {
    static final String PASSWORD = "Door#Bell42";

    @TempDir
    Path dir;

    @Test
    void oddButValidInputIsAnsweredBadInputGets400or513AndTheServerKeepsWorking() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        Map<String, String> env =
                Map.of("OPENVTO_SIP_CONNECTION_IDLE_SECONDS", "5", "OPENVTO_SIP_CONNECTIONS_PER_SOURCE", "8");
        try (VtoProcess vto = new VtoProcess(data, "SipHardeningIT", env).start()) {
            DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
            int port = vto.enableSipServer(api);
            assertThat(api.send(
                                    vto.baseUrl(),
                                    "POST",
                                    "/api/v1/rooms",
                                    "{\"roomNo\":\"101#0\",\"registerPassword\":\"Pw-101-0\"}")
                            .statusCode())
                    .isEqualTo(201);
            IndoorMonitorsUdpIT.awaitSipListening(vto);
            Udp udp = new Udp(port);
            awaitAnswer(udp);

            // item 5: a raw '#' in the user part is read as %23 — challenged like any REGISTER, not refused
            assertThat(udp.exchange(register("sip:VDP", "101#0", udp.localPort())))
                    .startsWith("SIP/2.0 401 ");
            assertThat(udp.exchange(invite("sip:101#0@VDP", udp.localPort()))).startsWith("SIP/2.0 407 ");
            assertThat(udp.exchange(register("sip:VDP", "101%230", udp.localPort())
                            .replace("REGISTER sip:VDP SIP/2.0", "REGISTER sip:VDP:99999 SIP/2.0")))
                    .as("a really malformed request line still gets 400 with the reason")
                    .startsWith("SIP/2.0 400 ")
                    .contains("port out of range");
            assertThat(udp.exchange(register("sip:VDP", "101%230", udp.localPort())
                            .replace("REGISTER sip:VDP SIP/2.0", "REGISTER sip:VDP SIP/3.0")))
                    .startsWith("SIP/2.0 505 ");
            assertThat(udp.exchange(invite("tel:+4930123", udp.localPort()))).startsWith("SIP/2.0 416 ");
            assertStillServes(udp);

            // item 6: IPv6 literals in the Via; a Via with a zone or a bare CR is malformed → 400
            String twoVias = invite("sip:101@VDP", udp.localPort())
                    .replaceFirst(
                            "(Via: [^\r]*\r\n)",
                            "$1Via: SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bK-v6;received=2001:db8::9\r\n");
            assertThat(udp.exchange(twoVias)).startsWith("SIP/2.0 407 ");
            assertThat(udp.exchange(invite("sip:101@VDP", udp.localPort())
                            .replaceFirst(
                                    "(Via: [^\r]*\r\n)",
                                    "$1Via: SIP/2.0/UDP [fe80::1%lo]:5060;branch=z9hG4bK-zone\r\n")))
                    .startsWith("SIP/2.0 400 ")
                    .contains("Via");
            assertThat(udp.exchange(
                            register("sip:VDP", "101%230", udp.localPort()).replaceFirst(";rport", ";rport;x=a\rb")))
                    .startsWith("SIP/2.0 400 ");
            assertStillServes(udp);

            // item 8: a STUN Binding request on the SIP port gets a Binding success, and is not malformed SIP
            double malformedBefore = metric(api, vto, "openvto_sip_malformed_total\\{[^}]*message=\"request\"[^}]*}");
            byte[] stun = stunBindingRequest();
            byte[] stunAnswer = udp.exchangeBytes(stun);
            assertThat(stunAnswer).hasSizeGreaterThanOrEqualTo(32);
            assertThat(stunAnswer[0]).isEqualTo((byte) 0x01);
            assertThat(stunAnswer[1]).as("Binding success response").isEqualTo((byte) 0x01);
            assertThat(java.util.Arrays.copyOfRange(stunAnswer, 8, 20))
                    .as("same transaction id")
                    .isEqualTo(java.util.Arrays.copyOfRange(stun, 8, 20));
            assertThat(metric(api, vto, "openvto_sip_malformed_total\\{[^}]*message=\"request\"[^}]*}"))
                    .isEqualTo(malformedBefore);
            assertThat(metric(api, vto, "openvto_sip_stun_total\\{[^}]*}")).isEqualTo(1.0);

            // item 8: a CRLFCRLF ping on TCP gets a CRLF pong; the connection goes on carrying SIP
            try (Socket tcp = tcp(port)) {
                tcp.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readAvailable(tcp, 2)).isEqualTo("\r\n");
                tcp.getOutputStream()
                        .write(register("sip:VDP", "101%230", tcp.getLocalPort())
                                .replace("SIP/2.0/UDP", "SIP/2.0/TCP")
                                .getBytes(StandardCharsets.US_ASCII));
                assertThat(readAvailable(tcp, 12)).startsWith("SIP/2.0 401");
            }

            // item 12: a header past the line limit → 513 and the connection is closed; the server goes on
            try (Socket tcp = tcp(port)) {
                String big = register("sip:VDP", "101%230", tcp.getLocalPort())
                        .replace("SIP/2.0/UDP", "SIP/2.0/TCP")
                        .replace(
                                "Content-Length: 0\r\n",
                                "Subject: " + "x".repeat(20_000) + "\r\nContent-Length: 0\r\n");
                tcp.getOutputStream().write(big.getBytes(StandardCharsets.US_ASCII));
                String answer = readUntilClosed(tcp);
                assertThat(answer).startsWith("SIP/2.0 513 ").contains("maxLineLength");
            }
            assertStillServes(udp);

            // item 12: more than the per-source limit (8 here) of connections from one address are closed at once
            List<Socket> many = new ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    many.add(tcp(port, "127.0.0.3"));
                }
                long open = waitForClosed(many, 1500);
                assertThat(open).as("connections from 127.0.0.3 kept open").isEqualTo(8);
                assertThat(metric(api, vto, "openvto_sip_connections_refused_total\\{[^}]*}"))
                        .isEqualTo(4.0);
                try (Socket other = tcp(port, "127.0.0.4")) {
                    other.getOutputStream().write(options(other.getLocalPort()).getBytes(StandardCharsets.US_ASCII));
                    assertThat(readAvailable(other, 12))
                            .as("another address is not affected")
                            .startsWith("SIP/2.0 200");
                }
                // idle for 5 s (configured) without a registration: closed by the server
                long stillOpen = waitForClosed(many, 8000);
                assertThat(stillOpen).as("idle connections closed").isZero();
            } finally {
                for (Socket s : many) {
                    s.close();
                }
            }
            assertStillServes(udp);

            // item 7: the fuzz corpus and the crafted inputs replay over UDP and TCP: no exception in the log
            Udp fuzz = new Udp(port); // its answers must not be read as the answers below
            for (Path input : corpus()) {
                fuzz.sendOnly(Files.readAllBytes(input));
            }
            assertStillServes(udp);
            assertThat(metric(api, vto, "openvto_sip_processing_failures_total\\{[^}]*}"))
                    .isZero();
            assertThat(vto.logText()).doesNotContain("Exception").doesNotContain("\tat org.openvto");
        }
    }

    @Test
    void overIpv6RegisterAndInviteAreAnsweredAndForeignDomainsAndNoQopAreRefused() throws Exception {
        Path data = dir.resolve("data6");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (VtoProcess vto =
                new VtoProcess(data, "SipHardeningIT-v6", Map.of("OPENVTO_HTTP_BIND_ADDRESS", "::1")).start()) {
            DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
            int port = vto.enableSipServer(api);
            assertThat(api.send(
                                    vto.baseUrl(),
                                    "POST",
                                    "/api/v1/rooms",
                                    "{\"roomNo\":\"101#0\",\"registerPassword\":\"Pw-101-0\"}")
                            .statusCode())
                    .isEqualTo(201);
            IndoorMonitorsUdpIT.awaitSipListening(vto);
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("::1"))) {
                Udp udp = new Udp(socket, InetAddress.getByName("::1"), port);
                awaitAnswer(udp);
                String register =
                        register("sip:VDP", "101%230", udp.localPort()).replace("127.0.0.1", "[::1]");
                String challenge = udp.exchange(register);
                assertThat(challenge)
                        .as("REGISTER over IPv6 (RFC 5118)")
                        .startsWith("SIP/2.0 401 ")
                        .containsPattern("Via: SIP/2.0/UDP \\[::1]:" + udp.localPort() + ";[^\r]*received=");
                assertThat(udp.exchange(invite("sip:101@VDP", udp.localPort()).replace("127.0.0.1", "[::1]")))
                        .startsWith("SIP/2.0 407 ");

                // item 9: a registrar answers for its own domain and addresses only (RFC 3261 §10.3 step 1)
                assertThat(udp.exchange(register("sip:other.example", "101%230", udp.localPort())
                                .replace("@VDP>", "@other.example>")
                                .replace("127.0.0.1", "[::1]")))
                        .startsWith("SIP/2.0 403 ");

                // item 11: an RFC 2069 answer (no qop, no nc) to a qop=auth challenge is refused, right password or not
                Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
                assertThat(nonce.find()).isTrue();
                String ha1 = md5("101#0:VDP:Pw-101-0");
                String response = md5(ha1 + ":" + nonce.group(1) + ":" + md5("REGISTER:sip:VDP"));
                String noQop = register("sip:VDP", "101%230", udp.localPort())
                        .replace("127.0.0.1", "[::1]")
                        .replace(
                                "Content-Length: 0\r\n",
                                "Authorization: Digest username=\"101#0\", realm=\"VDP\", nonce=\""
                                        + nonce.group(1) + "\", uri=\"sip:VDP\", response=\"" + response
                                        + "\", algorithm=MD5\r\nContent-Length: 0\r\n");
                assertThat(udp.exchange(noQop)).startsWith("SIP/2.0 403 ");
                assertThat(udp.exchange(register)).as("still serving").startsWith("SIP/2.0 401 ");
            }
        }
    }

    private static String md5(String s) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** The committed fuzz corpus of the SIP decoders, plus the inputs of the hardening issue. */
    private static List<Path> corpus() throws IOException {
        Path root = Path.of("../sip/src/test/resources/org/openvto/sip/codec/SipCodecFuzzTestInputs/"
                + "decodersNeverThrowOnArbitraryBytes");
        try (Stream<Path> files = Files.list(root)) {
            List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
            assertThat(all).as("fuzz corpus in " + root.toAbsolutePath()).hasSizeGreaterThan(20);
            return all;
        }
    }

    private static void awaitAnswer(Udp udp) throws Exception {
        for (int i = 0; i < 50; i++) {
            try {
                udp.exchange(options(udp.localPort()), 200);
                return;
            } catch (SocketTimeoutException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("SIP server not answering");
    }

    private static void assertStillServes(Udp udp) throws Exception {
        assertThat(udp.exchange(register("sip:VDP", "101%230", udp.localPort())))
                .as("a valid REGISTER after that")
                .startsWith("SIP/2.0 401 ");
    }

    private static double metric(DigestClient api, VtoProcess vto, String name) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.E+-]+)$")
                .matcher(api.send(vto.baseUrl(), "GET", "/metrics", null).body());
        if (!m.find()) {
            throw new AssertionError("no " + name + " in /metrics");
        }
        return Double.parseDouble(m.group(1));
    }

    static String register(String uri, String user, int localPort) {
        return "REGISTER " + uri + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK-"
                + ThreadLocalRandom.current().nextLong(1L << 40) + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:" + user
                + "@VDP>;tag=h1\r\nTo: <sip:" + user + "@VDP>\r\nCall-ID: h-" + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 REGISTER\r\nContact: <sip:" + user + "@127.0.0.1:" + localPort + ">\r\nExpires: 60\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String invite(String uri, int localPort) {
        return "INVITE " + uri + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK-"
                + ThreadLocalRandom.current().nextLong(1L << 40) + ";rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:8002@VDP>;tag=i1\r\nTo: <" + uri + ">\r\nCall-ID: i-" + System.nanoTime()
                + "@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\nContact: <sip:8002@127.0.0.1:" + localPort + ">\r\nContent-Length: 0\r\n\r\n";
    }

    private static String options(int localPort) {
        return "OPTIONS sip:VDP SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:" + localPort + ";branch=z9hG4bK-o"
                + System.nanoTime() + "\r\nMax-Forwards: 70\r\nFrom: <sip:t@VDP>;tag=o\r\nTo: <sip:VDP>\r\n"
                + "Call-ID: o-" + System.nanoTime() + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    }

    /** RFC 5389 Binding request: type 0x0001, length 0, magic cookie, random transaction id. */
    private static byte[] stunBindingRequest() {
        byte[] b = new byte[20];
        b[1] = 0x01;
        b[4] = 0x21;
        b[5] = 0x12;
        b[6] = (byte) 0xA4;
        b[7] = 0x42;
        for (int i = 8; i < 20; i++) {
            b[i] = (byte) ThreadLocalRandom.current().nextInt(256);
        }
        return b;
    }

    private static Socket tcp(int port) throws IOException {
        return tcp(port, "127.0.0.1");
    }

    private static Socket tcp(int port, String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 3000);
        s.setSoTimeout(3000);
        return s;
    }

    /** Reads until at least {@code atLeast} bytes arrived and nothing more comes for 200 ms. */
    private static String readAvailable(Socket s, int atLeast) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        s.setSoTimeout(3000);
        while (out.size() < atLeast) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
        }
        s.setSoTimeout(200);
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // all there is
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static String readUntilClosed(Socket s) throws IOException {
        s.setSoTimeout(5000);
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }

    /** Watches the sockets for {@code millis}, noting which the server closes; returns how many are still open. */
    private static long waitForClosed(List<Socket> sockets, int millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        boolean[] closed = new boolean[sockets.size()];
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < sockets.size(); i++) {
                if (!closed[i]) {
                    closed[i] = closedByPeer(sockets.get(i));
                }
            }
            Thread.sleep(100);
        }
        long open = 0;
        for (boolean c : closed) {
            open += c ? 0 : 1;
        }
        return open;
    }

    private static boolean closedByPeer(Socket s) {
        try {
            s.setSoTimeout(1);
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** A UDP socket on loopback talking to the VTO's SIP port. */
    private static final class Udp {
        private final DatagramSocket socket;
        private final InetAddress server;
        private final int port;

        Udp(int port) throws IOException {
            this(new DatagramSocket(0, InetAddress.getLoopbackAddress()), InetAddress.getLoopbackAddress(), port);
        }

        Udp(DatagramSocket socket, InetAddress server, int port) {
            this.socket = socket;
            this.server = server;
            this.port = port;
        }

        int localPort() {
            return socket.getLocalPort();
        }

        String exchange(String message) throws IOException {
            return exchange(message, 3000);
        }

        /**
         * Sends {@code message} and returns the final answer with its Call-ID: retransmitted answers to earlier
         * requests (a 407 waits for an ACK this test never sends) and provisionals are skipped.
         */
        String exchange(String message, int timeoutMs) throws IOException {
            socket.setSoTimeout(timeoutMs);
            Matcher id = Pattern.compile("\r\nCall-ID: ([^\r]*)\r\n").matcher(message);
            String callId = id.find() ? "\r\nCall-ID: " + id.group(1) + "\r\n" : "";
            sendOnly(message.getBytes(StandardCharsets.UTF_8));
            while (true) {
                String text = new String(receive(), StandardCharsets.UTF_8);
                if (text.contains(callId) && !text.startsWith("SIP/2.0 1")) {
                    return text;
                }
            }
        }

        /** Sends a STUN message and returns the first STUN answer (first byte 0 or 1, not a SIP text). */
        byte[] exchangeBytes(byte[] message) throws IOException {
            sendOnly(message);
            while (true) {
                byte[] answer = receive();
                if (answer.length > 0 && (answer[0] & 0xC0) == 0) {
                    return answer;
                }
            }
        }

        private byte[] receive() throws IOException {
            byte[] buf = new byte[65536];
            DatagramPacket reply = new DatagramPacket(buf, buf.length);
            socket.receive(reply);
            return java.util.Arrays.copyOf(buf, reply.getLength());
        }

        void sendOnly(byte[] message) throws IOException {
            socket.send(new DatagramPacket(message, message.length, server, port));
        }
    }
}
