package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.Ports;
import org.openvto.testkit.peers.Sipp;

/**
 * The VTO as the building's SIP registrar against SIPp (Debian's sip-tester): 1,000 rooms register with
 * digest, a wrong password gets 403 after the challenge, the console API shows them online, and the
 * registrations survive a restart.
 */
class SipRegistrarIT {
    static final String PASSWORD = "Door#Bell42";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void thousandRoomsRegisterWithDigestWrongPasswordsAreRefusedAndRegistrationsSurviveARestart() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        Path users = dir.resolve("users.csv");
        int sipPort;
        try (VtoProcess vto = new VtoProcess(data, "SipRegistrarIT-1").start()) {
            DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
            sipPort = vto.enableSipServer(api);
            assertThat(api.send(
                                    vto.baseUrl(),
                                    "POST",
                                    "/api/v1/rooms/batch",
                                    "{\"layers\":20,\"roomsPerLayer\":50,\"firstFloorNo\":1001,\"secondFloorNo\":1101}")
                            .statusCode())
                    .isEqualTo(201);
            JsonNode rooms = JSON.readTree(api.send(vto.baseUrl(), "GET", "/api/v1/rooms?limit=1000", null)
                            .body())
                    .get("rooms");
            assertThat(rooms).hasSize(1000);
            List<String> lines = new ArrayList<>(List.of("SEQUENTIAL"));
            for (JsonNode r : rooms) {
                String number = r.get("roomNo").asText();
                lines.add(number.replace("#", "%23") + ";[authentication username=" + number + " password="
                        + r.get("registerPassword").asText() + "]");
            }
            Files.write(users, lines);
            waitForSip(sipPort);

            Sipp.Result registered = sipp(sipPort, "register-digest.xml", users, 1000, 200);
            assertThat(registered.exitCode()).as(registered.output()).isZero();
            assertThat(registered.output()).contains("Successful call").doesNotContain("Failed call      |        1");

            Path wrong = dir.resolve("wrong.csv");
            Files.write(
                    wrong,
                    List.of(
                            "SEQUENTIAL",
                            "1001%230;[authentication username=1001#0 password=not-it]",
                            "9999%230;[authentication username=9999#0 password=whatever]"));
            Sipp.Result refused = sipp(sipPort, "register-wrong-password.xml", wrong, 2, 10);
            assertThat(refused.exitCode())
                    .as("wrong password and unknown user both get 403:\n" + refused.output())
                    .isZero();

            JsonNode listed = JSON.readTree(api.send(vto.baseUrl(), "GET", "/api/v1/rooms?limit=1000", null)
                    .body());
            long online = 0;
            for (JsonNode r : listed.get("rooms")) {
                online += "online".equals(r.get("status").asText()) ? 1 : 0;
            }
            assertThat(online).isEqualTo(1000);
            assertThat(listed.has("statusUnavailable")).isFalse();
            assertThat(malformedGets400(sipPort)).startsWith("SIP/2.0 400 ");
            String metrics = api.send(vto.baseUrl(), "GET", "/metrics", null).body();
            assertThat(metrics)
                    .as("the malformed request is counted")
                    .containsPattern("(?m)^openvto_sip_malformed_total\\{[^}]*message=\"request\"[^}]*} 1\\.0$")
                    .containsPattern("(?m)^openvto_sip_registrations\\{[^}]*} 1000\\.0$")
                    // 1,002 REGISTERs left no transaction behind; only the OPTIONS of waitForSip waits out Timer J
                    .containsPattern("(?m)^openvto_sip_transactions\\{[^}]*kind=\"server\"[^}]*} 1\\.0$");

            // Register Type local is "reserved for future use" (Quick Start Guide 4.2.6): such a room cannot register
            assertThat(api.send(
                                    vto.baseUrl(),
                                    "POST",
                                    "/api/v1/rooms",
                                    "{\"roomNo\":\"9001#0\",\"registerType\":\"local\",\"registerPassword\":\"Pw-local-1\"}")
                            .statusCode())
                    .isEqualTo(201);
            Path local = dir.resolve("local.csv");
            Files.write(local, List.of("SEQUENTIAL", "9001%230;[authentication username=9001#0 password=Pw-local-1]"));
            waitForSip(sipPort);
            assertThat(sipp(sipPort, "register-wrong-password.xml", local, 1, 10)
                            .exitCode())
                    .as("a local room gets 403 even with its password")
                    .isZero();

            // the management centre (Centre Call No. 888888) registers once the installer gave it a password
            Path centre = dir.resolve("centre.csv");
            Files.write(centre, List.of("SEQUENTIAL", "888888;[authentication username=888888 password=Centre-Pw-7]"));
            assertThat(sipp(sipPort, "register-wrong-password.xml", centre, 1, 10)
                            .exitCode())
                    .as("no password set yet: 403")
                    .isZero();
            assertThat(api.send(vto.baseUrl(), "PUT", "/api/v1/sip-server", "{\"centrePassword\":\"Centre-Pw-7\"}")
                            .statusCode())
                    .isEqualTo(200);
            JsonNode sip = JSON.readTree(
                    api.send(vto.baseUrl(), "GET", "/api/v1/sip-server", null).body());
            assertThat(sip.get("centrePasswordSet").asBoolean()).isTrue();
            assertThat(sip.has("centrePassword")).as("never read back").isFalse();
            waitForSip(sipPort);
            Sipp.Result centreRegistered = sipp(sipPort, "register-digest.xml", centre, 1, 10);
            assertThat(centreRegistered.exitCode())
                    .as(centreRegistered.output())
                    .isZero();
            assertThat(optionsOverTls(sipPort + 1))
                    .as("SIP over TLS on the SIP port + 1")
                    .startsWith("SIP/2.0 200 OK");
        }
        try (VtoProcess vto = new VtoProcess(data, "SipRegistrarIT-2").start()) {
            DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
            JsonNode room = JSON.readTree(api.send(vto.baseUrl(), "GET", "/api/v1/rooms/1001%230", null)
                    .body());
            assertThat(room.get("status").asText())
                    .as("registration persisted across the restart")
                    .isEqualTo("online");
            assertThat(room.get("userAgent").asText()).isEqualTo("SIPp VTH");
        }
    }

    /** Sends a request whose CSeq is broken; the server must answer 400 with the reason, not crash. */
    private static String malformedGets400(int sipPort) throws Exception {
        String msg = "REGISTER sip:VDP SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-bad;rport\r\n"
                + "From: <sip:1001%230@VDP>;tag=x\r\nTo: <sip:1001%230@VDP>\r\nCall-ID: bad-1\r\nCSeq: nine REGISTER\r\n"
                + "Content-Length: 0\r\n\r\n";
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(3000);
            byte[] bytes = msg.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sipPort));
            byte[] buf = new byte[4096];
            DatagramPacket reply = new DatagramPacket(buf, buf.length);
            socket.receive(reply);
            return new String(buf, 0, reply.getLength(), StandardCharsets.US_ASCII);
        }
    }

    /** OPTIONS to the server over TLS (self-signed certificate: this test trusts it explicitly). */
    private static String optionsOverTls(int port) throws Exception {
        javax.net.ssl.TrustManager trustAll = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, new javax.net.ssl.TrustManager[] {trustAll}, null);
        try (var socket = ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            String msg = "OPTIONS sip:VDP SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1:" + socket.getLocalPort()
                    + ";branch=z9hG4bK-tls1\r\nFrom: <sip:t@VDP>;tag=1\r\nTo: <sip:VDP>\r\nCall-ID: tls-1\r\n"
                    + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
            socket.getOutputStream().write(msg.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] buf = new byte[4096];
            int n = socket.getInputStream().read(buf);
            return new String(buf, 0, Math.max(0, n), StandardCharsets.US_ASCII);
        }
    }

    static void waitForSip(int port) throws Exception {
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                socket.setSoTimeout(200);
                byte[] options = ("OPTIONS sip:VDP SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort()
                                + ";branch=z9hG4bK-wait" + i
                                + "\r\nFrom: <sip:t@VDP>;tag=1\r\nTo: <sip:VDP>\r\nCall-ID: w" + i
                                + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(options, options.length, InetAddress.getLoopbackAddress(), port));
                socket.receive(new DatagramPacket(new byte[2048], 2048));
                return;
            } catch (java.net.SocketTimeoutException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("SIP server did not answer OPTIONS on port " + port);
    }

    static Sipp.Result sipp(int sipPort, String scenario, Path users, int calls, int rate) throws Exception {
        return Sipp.client(sipPort, Path.of("src/test/resources/sipp", scenario))
                .users(users)
                .calls(calls)
                .rate(rate)
                .localPort(Ports.freeUdp())
                .timeout(Duration.ofSeconds(60))
                .screenTo(users.resolveSibling(scenario + ".screen"))
                .run(Duration.ofSeconds(90));
    }
}
