package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.testkit.Await;
import org.openvto.testkit.Ports;
import org.openvto.testkit.peers.Sipp;

/**
 * Issue 11: alarms reach the management centre. The duress PIN opens and the centre receives the duress alarm —
 * SIPp registered as {@code 888888} receives the SIP MESSAGE, and a test HTTP server the webhook with a valid
 * HMAC-SHA256 signature. And with the centre unreachable for 2 minutes, including a {@code kill -9} and restart of
 * the VTO, every alarm is delivered after it returns, in order, none twice (idempotency key per alarm).
 */
class CentreDeliveryIT {
    private static final String SECRET = "centre-shared-secret-42";
    private static final String CENTRE_PASSWORD = "Centre-Pw-7";

    @TempDir
    Path dir;

    /** A webhook receiver that checks each signature independently (RFC 2104 HMAC over "<timestamp>.<body>"). */
    static final class Webhook implements AutoCloseable {
        final List<JsonNode> alarms = new CopyOnWriteArrayList<>();
        final List<String> badSignatures = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        Webhook(int port) throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/hook", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String ts = ex.getRequestHeaders().getFirst("X-OpenVTO-Timestamp");
                String sig = ex.getRequestHeaders().getFirst("X-OpenVTO-Signature");
                if (!("sha256=" + hmac(ts + "." + body)).equals(sig)) {
                    badSignatures.add(sig);
                }
                if (ex.getRequestHeaders().getFirst("X-OpenVTO-Topic").startsWith("alarm/")) {
                    JsonNode json = AccessVto.MAPPER.readTree(body);
                    assertThat(ex.getRequestHeaders().getFirst("Idempotency-Key"))
                            .isEqualTo(json.path("key").asText());
                    alarms.add(json);
                }
                ex.sendResponseHeaders(204, -1);
                ex.close();
            });
            server.start();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> env(int webhookPort, boolean sip) {
        return Map.of(
                "OPENVTO_CENTRE_WEBHOOK_URL",
                "http://127.0.0.1:" + webhookPort + "/hook",
                "OPENVTO_CENTRE_WEBHOOK_SECRET",
                SECRET,
                "OPENVTO_CENTRE_WEBHOOK_TIMEOUT_MS",
                "1000",
                "OPENVTO_CENTRE_SIP_ENABLED",
                String.valueOf(sip),
                "OPENVTO_CENTRE_MAX_BACKOFF_SECONDS",
                "5");
    }

    @Test
    void theDuressPinOpensAndTheCentreGetsTheAlarmBySipMessageAndSignedWebhook() throws Exception {
        int hookPort = Ports.freeTcp();
        try (Webhook hook = new Webhook(hookPort);
                AccessVto v = AccessVto.start(dir.resolve("data"), "CentreDeliveryIT-duress", env(hookPort, true))) {
            int sipPort = v.vto.enableSipServer(
                    new DigestClient("admin", AccessVto.PASSWORD, org.openvto.digest.DigestAlgorithm.SHA_256));
            // the whole SIP Server form: a password left out of the body would be saved empty
            v.ok(
                    "PUT",
                    "/api/v1/sip-server",
                    "{'enabled':true,'type':'VTO','centrePassword':'" + CENTRE_PASSWORD + "'}");
            assertThat(v.get("/api/v1/sip-server").path("centrePasswordSet").asBoolean())
                    .isTrue();
            Await.until("the SIP server", Duration.ofSeconds(15), () -> Ports.udpBound(sipPort));
            int centrePort = Ports.freeUdp();
            Path csv = dir.resolve("centre.csv");
            Files.write(
                    csv,
                    List.of(
                            "SEQUENTIAL",
                            "888888;[authentication username=888888 password=" + CENTRE_PASSWORD + "];" + centrePort));
            // the running server rereads its accounts after the save: at most 3 tries (the lock-out is at 5)
            Sipp.Result reg = null;
            for (int attempt = 0; attempt < 3 && (reg == null || reg.exitCode() != 0); attempt++) {
                Thread.sleep(attempt * 1_000L);
                reg = Sipp.client(sipPort, Path.of("src/test/resources/sipp/register-contact.xml"))
                        .users(csv)
                        .calls(1)
                        .localPort(Ports.freeUdp())
                        .timeout(Duration.ofSeconds(30))
                        .run(Duration.ofSeconds(60));
            }
            assertThat(reg.exitCode()).as("888888 registers\n" + reg.output()).isZero();
            Process centre = centre(centrePort);

            v.ok("POST", "/api/v1/people", "{'room':'101','name':'Anna Muster','pin':'2580','duressPin':'9999'}");
            v.type("#9999#");
            Await.until("the duress unlock", Duration.ofSeconds(10), () -> v.unlockCount() == 1);
            assertThat(v.unlocks().get(0).path("result").asText()).isEqualTo("granted");

            assertThat(centre.waitFor(30, TimeUnit.SECONDS))
                    .as("SIPp took the MESSAGE")
                    .isTrue();
            assertThat(centre.exitValue())
                    .as(Files.readString(dir.resolve("centre.out")))
                    .isZero();
            String message = Files.readString(dir.resolve("centre.log"));
            assertThat(message)
                    .contains("MESSAGE sip:888888@127.0.0.1:" + centrePort)
                    .contains("X-OpenVTO-Topic: alarm/duress")
                    .contains("\"type\":\"duress\"", "\"room\":\"101\"");
            Await.until("the webhook", Duration.ofSeconds(15), () -> !hook.alarms.isEmpty());
            JsonNode alarm = hook.alarms.get(0);
            assertThat(alarm.path("type").asText()).isEqualTo("duress");
            assertThat(alarm.path("detail").asText()).contains("Anna Muster");
            assertThat(hook.badSignatures).isEmpty();
            Await.until("the alarm delivered to both", Duration.ofSeconds(15), () -> {
                try {
                    return v.get("/api/v1/records/alarms")
                            .path("records")
                            .get(0)
                            .path("state")
                            .asText()
                            .equals("delivered");
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    void aCentreUnreachableForTwoMinutesAcrossAKillGetsEveryAlarmInOrderOnce() throws Exception {
        int hookPort = Ports.freeTcp();
        Path data = dir.resolve("outage");
        long downSince = System.nanoTime();
        AccessVto v = AccessVto.start(data, "CentreDeliveryIT-outage", env(hookPort, false));
        try {
            for (int i = 0; i < 3; i++) {
                tamper(v);
            }
            Await.until("3 alarms on record", Duration.ofSeconds(10), () -> alarmCount(v) == 3);
            Thread.sleep(8_000); // a few failed attempts on record before the kill
            v.vto.kill9();
        } finally {
            v.close();
        }
        try (AccessVto again = AccessVto.restart(data, "CentreDeliveryIT-outage-2", env(hookPort, false))) {
            for (int i = 0; i < 2; i++) {
                tamper(again);
            }
            Await.until("5 alarms on record", Duration.ofSeconds(10), () -> alarmCount(again) == 5);
            long left = Duration.ofMinutes(2).toNanos() - (System.nanoTime() - downSince);
            if (left > 0) {
                Thread.sleep(left / 1_000_000); // the centre stays unreachable for 2 minutes in all
            }
            try (Webhook hook = new Webhook(hookPort)) {
                Await.until("all 5 alarms delivered", Duration.ofSeconds(30), () -> hook.alarms.size() >= 5);
                Thread.sleep(2_000); // anything sent twice would come now
                List<Long> ids = new ArrayList<>();
                hook.alarms.forEach(
                        a -> ids.add(Long.parseLong(a.path("key").asText().substring("vto-alarm-".length()))));
                assertThat(ids).as("in order, none twice").containsExactly(1L, 2L, 3L, 4L, 5L);
                assertThat(hook.badSignatures).isEmpty();
            }
        }
    }

    private static void tamper(AccessVto v) throws Exception {
        v.ok("PUT", "/api/v1/facade/tamper", "{'released':true}");
        v.ok("PUT", "/api/v1/facade/tamper", "{'released':false}");
    }

    private static int alarmCount(AccessVto v) {
        try {
            return v.get("/api/v1/records/alarms?limit=1").path("total").asInt();
        } catch (Exception e) {
            return -1;
        }
    }

    /** SIPp as the centre: takes one MESSAGE, checks it and answers 200. */
    private Process centre(int port) throws Exception {
        Path scenario = dir.resolve("centre-uas.xml");
        Files.writeString(
                scenario,
                Files.readString(Path.of("src/test/resources/sipp/centre-message-uas.xml"))
                        .replace("RESPONSE_CODE", "200")
                        .replace("RESPONSE_REASON", "OK"));
        Process p = Sipp.answering(scenario, port, dir.resolve("centre.log"));
        Await.until("SIPp centre on UDP " + port, Duration.ofSeconds(10), () -> Ports.udpBound(port));
        return p;
    }
}
