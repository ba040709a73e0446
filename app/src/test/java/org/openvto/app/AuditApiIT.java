package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.Deadline;

/**
 * Secure Auditing (seed appendix): configuration changes are in {@code /api/v1/security-log} with user and
 * source; Digest API requests log their failures but not every success; the log filters by time and type;
 * the batch floor rules; {@code POST /api/v1/system/reboot}. One server; the tests build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditApiIT {
    static final String PASSWORD = "Door#Bell42";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    static VtoProcess vto;
    static DigestClient admin;

    @BeforeAll
    static void start() throws Exception {
        Path data = dir.resolve("data");
        var init = VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD);
        assertThat(init.exitCode()).as(init.output()).isZero();
        vto = new VtoProcess(data, "AuditApiIT").start();
        admin = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vto != null) {
            vto.close();
        }
    }

    @Test
    @Order(1)
    void digestRequestsThatSucceedAddNoLoginEntry() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(admin.send(vto.baseUrl(), "GET", "/api/v1/device", null).statusCode())
                    .isEqualTo(200);
        }
        assertThat(log("type=login/succeeded").path("total").asInt()).isZero();
    }

    @Test
    @Order(2)
    void aDigestFailureIsLoggedWithUserAndSource() throws Exception {
        var wrong = new DigestClient("admin", "not-the-password", DigestAlgorithm.SHA_256);
        assertThat(wrong.send(vto.baseUrl(), "GET", "/api/v1/device", null).statusCode())
                .isEqualTo(401);
        JsonNode failed = log("type=login/failed");
        assertThat(failed.path("total").asInt()).isEqualTo(1);
        JsonNode e = failed.path("entries").get(0);
        assertThat(e.path("username").asText()).isEqualTo("admin");
        assertThat(e.path("source").asText()).isEqualTo("127.0.0.1");
        assertThat(e.path("detail").asText()).contains("digest");
    }

    @Test
    @Order(3)
    void aConfigurationChangeIsLoggedWithUserSourceAndWhatChangedButNoSecret() throws Exception {
        assertThat(send("PUT", "/api/v1/device/properties", "{\"deviceName\":\"Lobby door\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "PUT",
                                "/api/v1/sip-server",
                                "{\"enabled\":true,\"type\":\"VTO\",\"password\":\"Sip#Secret99\"}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode changes = log("type=config/changed");
        List<String> details = details(changes);
        assertThat(details)
                .anySatisfy(d -> assertThat(d)
                        .startsWith("device: ")
                        .contains("deviceName")
                        .contains("→Lobby door"));
        assertThat(details)
                .anySatisfy(d -> assertThat(d)
                        .startsWith("sip-server: ")
                        .contains("enabled false→true")
                        .contains("password changed"));
        assertThat(changes.toString()).doesNotContain("Sip#Secret99");
        changes.path("entries").forEach(e -> {
            assertThat(e.path("username").asText()).isEqualTo("admin");
            assertThat(e.path("source").asText()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    @Order(4)
    void clearingRoomsIsLoggedWithTheirNumber() throws Exception {
        assertThat(send(
                                "POST",
                                "/api/v1/rooms/batch",
                                "{\"layers\":3,\"roomsPerLayer\":67,\"firstFloorNo\":1001,\"secondFloorNo\":1101}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("DELETE", "/api/v1/rooms?confirm=true", null).statusCode())
                .isEqualTo(200);
        assertThat(details(log("type=config"))).contains("household: rooms cleared (201)");
    }

    @Test
    @Order(5)
    void theLogFiltersByTypeAndTimeRange() throws Exception {
        JsonNode config = log("type=config");
        assertThat(config.path("total").asInt()).isGreaterThanOrEqualTo(4);
        config.path("entries").forEach(e -> assertThat(e.path("event").asText()).startsWith("config/"));
        String future = enc(Instant.now().plusSeconds(3600).toString());
        assertThat(log("from=" + future).path("total").asInt()).isZero();
        String past = enc(Instant.now().minusSeconds(3600).toString());
        assertThat(log("from=" + past + "&to=" + future).path("total").asInt())
                .isEqualTo(log("").path("total").asInt());
        HttpResponse<String> bad = admin.send(vto.baseUrl(), "GET", "/api/v1/security-log?from=yesterday", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("from");
    }

    @Test
    @Order(6)
    void aBatchWithTheSecondFloorBelowTheFirstIsRejectedNamingTheRuleWithEveryOtherError() throws Exception {
        long before = rooms();
        HttpResponse<String> r = send(
                "POST",
                "/api/v1/rooms/batch",
                "{\"layers\":0,\"roomsPerLayer\":0,\"firstFloorNo\":201,\"secondFloorNo\":101}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode errors = MAPPER.readTree(r.body()).path("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).contains("layers", "roomsPerLayer", "secondFloorNo");
        assertThat(r.body()).contains("Second floor below first floor");
        assertThat(rooms()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void aCrossSiteRebootIsRefusedAndNothingRestarts() throws Exception {
        HttpResponse<String> r =
                admin.send(vto.baseUrl(), "POST", "/api/v1/system/reboot", null, "Origin", "http://evil.example");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(log("type=system").path("total").asInt()).isZero();
    }

    @Test
    @Order(8)
    void rebootAnswers202ThenTheVtoComesBackAndTheRebootIsLogged() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/system/reboot", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        Deadline deadline = Deadline.in(java.time.Duration.ofSeconds(20));
        boolean back = false;
        while (!back && !deadline.passed()) {
            Thread.sleep(200);
            try {
                back = vto.get("/healthz").statusCode() == 200 && rooms() >= 0;
            } catch (java.io.IOException e) {
                // restarting
            }
        }
        assertThat(back).as("VTO answers again after the reboot").isTrue();
        JsonNode reboot = log("type=system/reboot");
        assertThat(reboot.path("total").asInt()).isEqualTo(1);
        assertThat(reboot.path("entries").get(0).path("username").asText()).isEqualTo("admin");
    }

    private static long rooms() throws Exception {
        return MAPPER.readTree(
                        admin.send(vto.baseUrl(), "GET", "/api/v1/rooms", null).body())
                .path("total")
                .asLong();
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return admin.send(vto.baseUrl(), method, path, json);
    }

    private static JsonNode log(String query) throws Exception {
        HttpResponse<String> r = admin.send(vto.baseUrl(), "GET", "/api/v1/security-log?limit=1000&" + query, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return MAPPER.readTree(r.body());
    }

    private static List<String> details(JsonNode log) {
        List<String> out = new ArrayList<>();
        log.path("entries").forEach(e -> out.add(e.path("detail").asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
