package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestResponse;
import org.openvto.digest.DigestVerifier;
import org.openvto.testkit.peers.Sipp;

/**
 * svcrack-style password guessing against a room's register password: 50 wrong passwords for {@code 101#0} from
 * 127.0.0.2 lock that account for that address after 5 (the right password then gets 403 too, never a new
 * challenge), the lock is in the security log and the metrics, and the room's real device — SIPp on 127.0.0.1
 * — keeps registering with 200 all along.
 */
class SipLockoutIT {
    static final String PASSWORD = "Door#Bell42";
    static final String ROOM_PASSWORD = "Pw-room-101";

    @TempDir
    Path dir;

    @Test
    void fiftyWrongPasswordsFromOneAddressLockOnlyThatAddress() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (VtoProcess vto = new VtoProcess(data, "SipLockoutIT").start()) {
            DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
            int sipPort = vto.enableSipServer(api);
            assertThat(api.send(
                                    vto.baseUrl(),
                                    "POST",
                                    "/api/v1/rooms",
                                    "{\"roomNo\":\"101#0\",\"registerType\":\"public\"," + "\"registerPassword\":\""
                                            + ROOM_PASSWORD + "\"}")
                            .statusCode())
                    .isEqualTo(201);
            Path users = dir.resolve("users.csv");
            Files.write(
                    users,
                    List.of("SEQUENTIAL", "101%230;[authentication username=101#0 password=" + ROOM_PASSWORD + "]"));
            SipRegistrarIT.waitForSip(sipPort);
            assertDeviceRegisters(sipPort, users);

            try (DatagramSocket attacker = new DatagramSocket(0, InetAddress.getByName("127.0.0.2"))) {
                attacker.setSoTimeout(3000);
                for (int i = 1; i <= 50; i++) {
                    String answer = guess(attacker, sipPort, "guess-" + i, i);
                    assertThat(answer)
                            .as("guess %d", i)
                            .startsWith("SIP/2.0 403 ")
                            .doesNotContain("WWW-Authenticate");
                }
                assertDeviceRegisters(sipPort, users);
                assertThat(guess(attacker, sipPort, ROOM_PASSWORD, 51))
                        .as("the right password from the locked address")
                        .startsWith("SIP/2.0 403 ")
                        .doesNotContain("WWW-Authenticate");
            }
            assertDeviceRegisters(sipPort, users);

            JsonNode lock = securityLogEntry(vto, api, "sip/locked");
            assertThat(lock.get("username").asText()).isEqualTo("101#0");
            assertThat(lock.get("source").asText()).isEqualTo("127.0.0.2");
            String metrics = api.send(vto.baseUrl(), "GET", "/metrics", null).body();
            assertThat(metrics)
                    .containsPattern("(?m)^openvto_sip_auth_lockouts_total\\{[^}]*} 1\\.0$")
                    // guesses 6-50 and the right password: 46 refused without checking the password
                    .containsPattern("(?m)^openvto_sip_auth_locked_refused_total\\{[^}]*} 46\\.0$")
                    .containsPattern("(?m)^openvto_sip_flood_bans_total\\{[^}]*} 0\\.0$");
        }
    }

    private static void assertDeviceRegisters(int sipPort, Path users) throws Exception {
        Sipp.Result device = SipRegistrarIT.sipp(sipPort, "register-digest.xml", users, 3, 10);
        assertThat(device.exitCode())
                .as("the room's own device on 127.0.0.1 still gets 200:\n" + device.output())
                .isZero();
    }

    /** REGISTER → 401 → REGISTER with an MD5 digest of {@code password}; returns the second answer. */
    private static String guess(DatagramSocket socket, int sipPort, String password, int n) throws Exception {
        String challenge = exchange(socket, sipPort, register(socket, n, 1, null));
        assertThat(challenge).as("challenge %d", n).startsWith("SIP/2.0 401 ");
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(m.find()).isTrue();
        String nonce = m.group(1);
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, "101#0", "VDP", password);
        var unsigned = new DigestResponse(
                "101#0", "VDP", nonce, "sip:VDP", "", DigestAlgorithm.MD5, "auth", "5ec", "00000001", null);
        String authorization =
                "Digest username=\"101#0\", realm=\"VDP\", nonce=\"" + nonce + "\", uri=\"sip:VDP\", response=\""
                        + DigestVerifier.expectedResponse(unsigned, "REGISTER", ha1)
                        + "\", algorithm=MD5, qop=auth, nc=00000001, "
                        + "cnonce=\"5ec\"";
        return exchange(socket, sipPort, register(socket, n, 2, authorization));
    }

    private static String register(DatagramSocket socket, int n, int cseq, String authorization) {
        String local = "127.0.0.2:" + socket.getLocalPort();
        return "REGISTER sip:VDP SIP/2.0\r\nVia: SIP/2.0/UDP " + local + ";branch=z9hG4bK-crack" + n + "-" + cseq
                + ";rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:101%230@VDP>;tag=crack" + n + "\r\nTo: <sip:101%230@VDP>\r\n"
                + "Call-ID: crack-" + n + "@127.0.0.2\r\nCSeq: " + cseq + " REGISTER\r\nContact: <sip:101%230@" + local
                + ">\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Expires: 60\r\nUser-Agent: friendly-scanner\r\nContent-Length: 0\r\n\r\n";
    }

    private static String exchange(DatagramSocket socket, int sipPort, String message) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sipPort));
        byte[] buf = new byte[8192];
        DatagramPacket reply = new DatagramPacket(buf, buf.length);
        socket.receive(reply);
        return new String(buf, 0, reply.getLength(), StandardCharsets.US_ASCII);
    }

    /** The newest security log entry of {@code event}; it is written off the SIP thread, so it may take a moment. */
    private static JsonNode securityLogEntry(VtoProcess vto, DigestClient api, String event) throws Exception {
        for (int i = 0; i < 50; i++) {
            JsonNode log =
                    SipRegistrarIT.JSON.readTree(api.send(vto.baseUrl(), "GET", "/api/v1/security-log?limit=100", null)
                            .body());
            for (JsonNode e : log.get("entries")) {
                if (event.equals(e.get("event").asText())) {
                    return e;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + event + " in the security log:\n" + vto.logText());
    }
}
