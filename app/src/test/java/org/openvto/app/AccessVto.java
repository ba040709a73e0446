package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.openvto.digest.DigestAlgorithm;

/**
 * A running VTO set up for access-control tests: initialized, rooms 101 and 102, a VTO4202F-MB5 façade with
 * keyboard, card and fingerprint modules, driven through its REST API (single quotes in bodies become double).
 */
final class AccessVto implements AutoCloseable {
    static final String PASSWORD = "Door#Bell42";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String LAYOUT = "{'model':'VTO4202F-MB5','modules':[{'kind':'camera','keys':['101']},"
            + "{'kind':'keyboard'},{'kind':'card'},{'kind':'fingerprint'}]}";

    final VtoProcess vto;
    private final DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);

    private AccessVto(VtoProcess vto) {
        this.vto = vto;
    }

    static AccessVto start(Path data, String name, Map<String, String> env) throws Exception {
        AccessVto a = new AccessVto(new VtoProcess(data, name, env).start());
        // Device Init through the API: the same with SQLite and with PostgreSQL (env), which the CLI would not see
        assertThat(a.vto.postJson("/api/v1/init", "{\"password\":\"" + PASSWORD + "\"}")
                        .statusCode())
                .isEqualTo(201);
        for (String room : new String[] {"101", "102"}) {
            a.ok("POST", "/api/v1/rooms", "{'roomNo':'" + room + "'}");
        }
        a.ok("PUT", "/api/v1/facade", LAYOUT);
        return a;
    }

    /** Starts the VTO again on the same data directory (after a stop or a kill). */
    static AccessVto restart(Path data, String name, Map<String, String> env) throws Exception {
        return new AccessVto(new VtoProcess(data, name, env).start());
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        return api.send(vto.baseUrl(), method, path, json == null ? null : json.replace('\'', '"'));
    }

    /** Sends and expects 2xx; returns the JSON answer (empty object for 204). */
    JsonNode ok(String method, String path, String json) throws Exception {
        HttpResponse<String> r = send(method, path, json);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return r.body().isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(r.body());
    }

    JsonNode get(String path) throws Exception {
        return ok("GET", path, null);
    }

    /** The façade's state: locks, indicators, display, last sound. */
    JsonNode facade() throws Exception {
        return get("/api/v1/facade/state");
    }

    JsonNode unlocks() throws Exception {
        return get("/api/v1/records/unlocks?limit=1000").path("records");
    }

    int unlockCount() {
        try {
            return get("/api/v1/records/unlocks?limit=1").path("total").asInt();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Types the keys on the virtual keypad, one request per key. */
    void type(String keys) throws Exception {
        for (char c : keys.toCharArray()) {
            ok("POST", "/api/v1/facade/keypad", "{'key':'" + c + "'}");
        }
    }

    /** Logs {@code page} in to the console as admin. */
    void login(com.microsoft.playwright.Page page) {
        page.navigate(vto.baseUrl() + "/login");
        page.fill("#username", "admin");
        page.fill("#password", PASSWORD);
        page.click("#login");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page)
                .hasURL(java.util.regex.Pattern.compile(".*/$"));
    }

    @Override
    public void close() throws InterruptedException {
        vto.close();
    }
}
