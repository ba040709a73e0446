package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;

/**
 * Cross-site request forgery: a page on another site must not be able to initialise a new VTO, lock the
 * installer out through the login form, or change the configuration with credentials the browser replays.
 * Each forged request is answered 403 (or 415 for a non-JSON API body) and changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossSiteRequestIT {
    static final String PASSWORD = "Door#Bell42";
    static final String EVIL = "http://evil.example";

    @TempDir
    static Path dir;

    static VtoProcess vto;

    @BeforeAll
    static void start() throws Exception {
        vto = new VtoProcess(dir.resolve("data"), "CrossSiteRequestIT").start();
    }

    @AfterAll
    static void stop() throws Exception {
        vto.close();
    }

    private static HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(vto.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return VtoProcess.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertStillUninitialized() throws Exception {
        var device = vto.get("/api/v1/device");
        assertThat(device.statusCode()).isEqualTo(403);
        assertThat(device.body()).isEqualTo("{\"error\":\"device not initialized\"}");
    }

    @Test
    @Order(1)
    void aForeignPageCannotSetTheAdminPasswordOfANewVto() throws Exception {
        String init = "{\"password\":\"Evil#Pass42\"}";
        var textPlain = post("/api/v1/init", "text/plain", init, "Origin", EVIL);
        assertThat(textPlain.statusCode()).isEqualTo(403);
        assertThat(textPlain.body()).contains("cross-origin request refused");
        assertStillUninitialized();

        assertThat(post("/api/v1/init", "application/json", init, "Origin", EVIL)
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/init", "application/json", init, "Origin", "null")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/init", "application/json", init, "Referer", EVIL + "/attack.html")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(
                                "/init",
                                "application/x-www-form-urlencoded",
                                "password=Evil%23Pass42&confirm=Evil%23Pass42",
                                "Referer",
                                EVIL + "/attack.html")
                        .statusCode())
                .isEqualTo(403);
        assertStillUninitialized();
    }

    @Test
    @Order(2)
    void theApiTakesJsonBodiesOnlyAsApplicationJson() throws Exception {
        String same = vto.baseUrl();
        var textPlain = post("/api/v1/init", "text/plain", "{\"password\":\"" + PASSWORD + "\"}", "Origin", same);
        assertThat(textPlain.statusCode()).isEqualTo(415);
        assertThat(textPlain.body()).contains("application/json");
        assertThat(post("/api/v1/init", "application/x-www-form-urlencoded", "password=x", "Origin", same)
                        .statusCode())
                .isEqualTo(415);
        assertStillUninitialized();

        var ok = post(
                "/api/v1/init",
                "application/json; charset=utf-8",
                "{\"password\":\"" + PASSWORD + "\"}",
                "Origin",
                same);
        assertThat(ok.statusCode()).isEqualTo(201);
    }

    @Test
    @Order(3)
    void forgedLoginPostsCannotLockTheInstallerOut() throws Exception {
        for (int i = 0; i < 8; i++) {
            var forged = post(
                    "/login",
                    "application/x-www-form-urlencoded",
                    "username=admin&password=Wrong%23Pass" + i,
                    "Origin",
                    EVIL);
            assertThat(forged.statusCode()).as("forged login %d", i).isEqualTo(403);
        }
        assertThat(post(
                                "/login",
                                "application/x-www-form-urlencoded",
                                "username=admin&password=Wrong%23Pass9",
                                "Origin",
                                "null")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(
                                "/login",
                                "application/x-www-form-urlencoded",
                                "username=admin&password=Wrong%23Pass9",
                                "Referer",
                                EVIL + "/")
                        .statusCode())
                .isEqualTo(403);

        var login = post(
                "/login",
                "application/x-www-form-urlencoded",
                "username=admin&password=" + PASSWORD.replace("#", "%23"),
                "Origin",
                vto.baseUrl());
        assertThat(login.statusCode())
                .as("the real installer is not locked out")
                .isEqualTo(302);
        assertThat(login.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(c -> assertThat(c).contains("OPENVTO_SESSION="));
    }

    @Test
    @Order(4)
    void digestCredentialsReplayedByABrowserCannotChangeTheConfiguration() throws Exception {
        DigestClient client = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
        String before = client.send(vto.baseUrl(), "GET", "/api/v1/device/properties", null)
                .body();
        var forged = client.send(
                vto.baseUrl(), "PUT", "/api/v1/device/properties", "{\"vtoNumber\":\"8009\"}", "Origin", EVIL);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(client.send(vto.baseUrl(), "GET", "/api/v1/device/properties", null)
                        .body())
                .isEqualTo(before);
        var plainClient = client.send(vto.baseUrl(), "PUT", "/api/v1/device/properties", "{\"vtoNumber\":\"8009\"}");
        assertThat(plainClient.statusCode())
                .as("a non-browser client sends no Origin")
                .isEqualTo(200);
    }
}
