package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

/** The REST API with real {@code curl --digest} and an independent RFC 7616 client, before and after init. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigestCurlIT {
    static final String PASSWORD = "Door#Bell42";

    @TempDir
    static Path dir;

    static VtoProcess vto;

    @BeforeAll
    static void start() throws Exception {
        vto = new VtoProcess(dir.resolve("data"), "DigestCurlIT").start();
    }

    @AfterAll
    static void stop() throws Exception {
        vto.close();
    }

    static Curl curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-w", "\n%{http_code}"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        int nl = out.lastIndexOf('\n');
        return new Curl(Integer.parseInt(out.substring(nl + 1).strip()), out.substring(0, nl));
    }

    record Curl(int status, String body) {}

    @Test
    @Order(1)
    void beforeInitTheApiRefusesEvenWithCredentials() throws Exception {
        Curl r = curl("--digest", "-u", "admin:" + PASSWORD, vto.baseUrl() + "/api/v1/device");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"error\":\"device not initialized\"}");
        assertThat(curl(vto.baseUrl() + "/metrics").status()).isEqualTo(403);
        assertThat(vto.get("/").headers().firstValue("Location")).contains("/init");
    }

    @Test
    @Order(2)
    void apiInitRejectsWeakPasswordsNamingTheRuleThenInitializes() throws Exception {
        var weak = vto.postJson("/api/v1/init", "{\"password\":\"admin123\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body())
                .contains("\"field\":\"password\"")
                .contains("account name")
                .contains("123");
        assertThat(vto.postJson("/api/v1/init", "not json").statusCode()).isEqualTo(400);
        var ok = vto.postJson("/api/v1/init", "{\"password\":\"" + PASSWORD + "\",\"email\":\"ops@example.com\"}");
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(vto.postJson("/api/v1/init", "{\"password\":\"Other#Pass9\"}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    @Order(3)
    void curlDigestReadsTheDevice() throws Exception {
        Curl r = curl("--digest", "-u", "admin:" + PASSWORD, vto.baseUrl() + "/api/v1/device");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .contains("\"model\":\"VTO4202F-P\"")
                .contains("\"vtoNumber\":\"8001\"")
                .contains("\"firmwareVersion\":\"")
                .contains("\"initialized\":true");
    }

    @Test
    @Order(4)
    void wrongPasswordGets401AndNoCredentialsGetsBothChallenges() throws Exception {
        assertThat(curl("--digest", "-u", "admin:Wrong#Pass9", vto.baseUrl() + "/api/v1/device")
                        .status())
                .isEqualTo(401);
        var anonymous = vto.get("/api/v1/device");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                .hasSize(2)
                .anySatisfy(h -> assertThat(h).contains("algorithm=SHA-256").contains("qop=\"auth\""))
                .anySatisfy(h -> assertThat(h).contains("algorithm=MD5"));
    }

    @Test
    @Order(5)
    void md5AndSha256BothWorkAndAReplayedRequestIsRefused() throws Exception {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            DigestClient client = new DigestClient("admin", PASSWORD, algorithm);
            assertThat(client.send(vto.baseUrl(), "GET", "/api/v1/device", null).statusCode())
                    .isEqualTo(200);
            assertThat(client.replay(vto.baseUrl(), "GET", "/api/v1/device").statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(6)
    void malformedAuthorizationIsA400NotACrash() throws Exception {
        Curl r = curl("-H", "Authorization: Digest username=\"admin, realm=", vto.baseUrl() + "/api/v1/device");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("malformed Authorization header");
        assertThat(vto.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void metricsAndSecurityLogNeedAuthAndShowTheAttempts() throws Exception {
        Curl metrics = curl("--digest", "-u", "admin:" + PASSWORD, vto.baseUrl() + "/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("openvto_login_attempts_total").contains("jvm_memory_used_bytes");
        Curl log = curl("--digest", "-u", "admin:" + PASSWORD, vto.baseUrl() + "/api/v1/security-log?limit=50");
        // Digest successes are no longer logged (every API request would add one); failures still are
        assertThat(log.body())
                .contains("device/initialized")
                .contains("login/failed")
                .doesNotContain("login/succeeded");
        assertThat(curl("--digest", "-u", "admin:" + PASSWORD, vto.baseUrl() + "/api/v1/security-log?limit=0")
                        .status())
                .isEqualTo(400);
        Curl openapi = curl("--digest", "-u", "admin:" + PASSWORD, vto.baseUrl() + "/api/v1/openapi.json");
        assertThat(openapi.body()).contains("\"openapi\": \"3.1.0\"").contains("/device");
    }
}
