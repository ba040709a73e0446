package org.openvto.centre.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The strict {@link Rfc5424Parser} the syslog tests judge the formatter by, checked against an independent sender:
 * util-linux {@code logger --rfc5424} (Debian's bsdutils, always installed) over UDP and over TCP with RFC 6587
 * octet counting — so "well-formed" in those tests means what another implementation writes, not only what this
 * project's formatter writes. A missing {@code logger} fails the test.
 */
class LoggerPeerTest {
    private static int logger(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("logger"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("logger finished").isTrue();
        return p.exitValue();
    }

    @Test
    void whatLoggerSendsOverUdpParsesWithItsStructuredDataUnescaped() throws Exception {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            udp.setSoTimeout(10_000);
            int rc = logger(
                    "--rfc5424",
                    "-n",
                    "127.0.0.1",
                    "-P",
                    String.valueOf(udp.getLocalPort()),
                    "-d",
                    "-p",
                    "local0.alert",
                    "-t",
                    "openvto",
                    "--msgid",
                    "alarm/duress/raised",
                    "--sd-id",
                    "openvto@32473",
                    "--sd-param",
                    "key=\"vto-alarm-\\\"17\\]\"",
                    "{\"key\":\"vto-alarm-17\",\"detail\":\"Tür\"}");
            assertThat(rc).isZero();
            DatagramPacket p = new DatagramPacket(new byte[65_536], 65_536);
            udp.receive(p);
            Rfc5424Parser.Message m = Rfc5424Parser.parse(Arrays.copyOf(p.getData(), p.getLength()));
            assertThat(m.pri()).isEqualTo(16 * 8 + 1);
            assertThat(m.appName()).isEqualTo("openvto");
            assertThat(m.msgId()).isEqualTo("alarm/duress/raised");
            assertThat(m.sd().get("openvto@32473")).isEqualTo(Map.of("key", "vto-alarm-\"17]"));
            assertThat(m.text()).isEqualTo("{\"key\":\"vto-alarm-17\",\"detail\":\"Tür\"}");
        }
    }

    @Test
    void whatLoggerSendsOverTcpWithOctetCountingReadsAsOneFramePerMessage() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            List<byte[]> frames = new ArrayList<>();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (Socket s = server.accept();
                        InputStream in = s.getInputStream()) {
                    byte[] f;
                    while ((f = Rfc5424Parser.readFrame(in)) != null) {
                        frames.add(f);
                    }
                } catch (IOException e) {
                    // the test's assertions below say what is missing
                }
            });
            int rc = logger(
                    "--rfc5424",
                    "--octet-count",
                    "-n",
                    "127.0.0.1",
                    "-P",
                    String.valueOf(server.getLocalPort()),
                    "-T",
                    "-p",
                    "auth.notice",
                    "-t",
                    "openvto",
                    "security event with ] and \" inside");
            assertThat(rc).isZero();
            reader.join(10_000);
            assertThat(frames).hasSize(1);
            Rfc5424Parser.Message m = Rfc5424Parser.parse(frames.get(0));
            assertThat(m.pri()).isEqualTo(4 * 8 + 5);
            assertThat(m.text()).isEqualTo("security event with ] and \" inside");
        }
    }
}
