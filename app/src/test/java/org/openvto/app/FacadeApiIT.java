package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.Await;

/**
 * {@code /api/v1/facade} and the layout in backup/restore (Quick Start Guide 4.2.7) on a running VTO: every rule
 * refused with its field and nothing changed, a deleted room's key reads as unassigned, and an export imported
 * into a fresh VTO exports byte for byte the same.
 */
class FacadeApiIT {
    static final String PASSWORD = "Door#Bell42";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String LAYOUT = "{'model':'VTO4202F-MB5','mounting':{'frameSize':2,'orientation':'horizontal'},"
            + "'modules':[{'kind':'camera','keys':['888888']},{'kind':'button-2','keys':['101','102']},"
            + "{'kind':'keyboard'},{'kind':'display'}]}";

    @TempDir
    Path dir;

    private final DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);

    @Test
    void theLayoutIsCheckedAsAWholeAndTravelsByteForByteWithTheBackup() throws Exception {
        String exported;
        try (VtoProcess vto = fresh("a")) {
            for (String room : new String[] {"101", "102", "103"}) {
                assertThat(send(vto, "POST", "/api/v1/rooms", "{'roomNo':'" + room + "'}")
                                .statusCode())
                        .isEqualTo(201);
            }
            JsonNode initial = get(vto, "/api/v1/facade");
            assertThat(initial.path("model").asText()).isEqualTo("VTO4202F-P");
            assertThat(initial.path("modules")).hasSize(1);
            assertThat(initial.path("modules").get(0).path("kind").asText()).isEqualTo("camera");
            assertThat(initial.path("addable").toString()).contains("keyboard", "button-5");

            rejected(vto, "{'modules':'all of them'}", "modules", "must be a list");
            rejected(vto, "{'model':'VTO9999'}", "model", "Unknown model VTO9999");
            rejected(vto, "{'modules':[{'kind':'camera'},{'kind':'jukebox'}]}", "modules[1].kind", "jukebox");
            rejected(
                    vto,
                    "{'modules':[{'kind':'camera'},{'kind':'button-1'},{'kind':'blank'}]}",
                    "modules",
                    "VTO4202F-P takes only one module besides the camera module (2 placed)");
            rejected(
                    vto,
                    "{'model':'VTO4202F-MB1','modules':[{'kind':'camera'},{'kind':'card'},{'kind':'card'}]}",
                    "modules",
                    "Only one card swiping module can be added");
            rejected(
                    vto,
                    "{'model':'VTO4202F-MB1','modules':[{'kind':'camera','keys':['999']}]}",
                    "modules[0].keys[0]",
                    "room 999 is not in Room No. Management");
            assertThat(get(vto, "/api/v1/facade")).as("nothing changed").isEqualTo(initial);

            HttpResponse<String> saved = send(vto, "PUT", "/api/v1/facade", LAYOUT);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(MAPPER.readTree(saved.body()).path("restart")).isEmpty();
            assertThat(get(vto, "/api/v1/device").path("model").asText()).isEqualTo("VTO4202F-MB5");

            assertThat(send(vto, "DELETE", "/api/v1/rooms/102", null).statusCode())
                    .isEqualTo(204);
            JsonNode keys = get(vto, "/api/v1/facade").path("callKeys");
            assertThat(keys).hasSize(3);
            assertThat(keys.get(0).path("room").asText()).isEqualTo("888888");
            assertThat(keys.get(1).path("room").asText()).isEqualTo("101");
            assertThat(keys.get(2).path("state").asText()).isEqualTo("room_deleted");
            assertThat(keys.get(2).path("label").asText()).isEqualTo("unassigned (room 102 deleted)");
            assertThat(keys.get(2).has("room")).isFalse();

            exported = send(vto, "GET", "/api/v1/config/export", null).body();
            assertThat(MAPPER.readTree(exported)
                            .path("facade")
                            .path("modules")
                            .get(1)
                            .path("keys")
                            .toString())
                    .as("the backup holds the keys as they work")
                    .isEqualTo("[\"101\",\"\"]");
        }
        try (VtoProcess other = fresh("b")) {
            String before = send(other, "GET", "/api/v1/config/export", null).body();
            ObjectNode tooMany = (ObjectNode) MAPPER.readTree(exported);
            ArrayNode modules = (ArrayNode) tooMany.path("facade").path("modules");
            for (int i = 0; i < 7; i++) {
                modules.addObject().put("kind", "blank");
            }
            HttpResponse<String> refused =
                    send(other, "POST", "/api/v1/config/import", MAPPER.writeValueAsString(tooMany));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("facade.modules")
                    .contains("VTO4202F-MB5 takes at most 9 modules besides the camera module (10 placed)");
            assertThat(send(other, "GET", "/api/v1/config/export", null).body()).isEqualTo(before);

            HttpResponse<String> imported = send(other, "POST", "/api/v1/config/import", exported);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            // the file carries the first VTO's HTTP port: the web server moves there (that port is free now)
            String moved = "http://127.0.0.1:"
                    + MAPPER.readTree(exported).path("network").path("httpPort").asInt();
            Await.until("the web server on the imported port", Duration.ofSeconds(15), () -> healthy(moved));
            assertThat(api.send(moved, "GET", "/api/v1/config/export", null).body())
                    .isEqualTo(exported);
        }
    }

    private static boolean healthy(String base) {
        try {
            return VtoProcess.HTTP
                            .send(
                                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/healthz"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private VtoProcess fresh(String name) throws Exception {
        Path data = dir.resolve(name);
        var init = VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD);
        assertThat(init.exitCode()).as(init.output()).isZero();
        return new VtoProcess(data, "FacadeApiIT-" + name).start();
    }

    private void rejected(VtoProcess vto, String body, String field, String message) throws Exception {
        HttpResponse<String> r = send(vto, "PUT", "/api/v1/facade", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode errors = MAPPER.readTree(r.body()).path("errors");
        assertThat(errors.toString()).contains("\"field\":\"" + field + "\"").contains(message);
    }

    private JsonNode get(VtoProcess vto, String path) throws Exception {
        HttpResponse<String> r = send(vto, "GET", path, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return MAPPER.readTree(r.body());
    }

    private HttpResponse<String> send(VtoProcess vto, String method, String path, String json) throws Exception {
        return api.send(vto.baseUrl(), method, path, json == null ? null : json.replace('\'', '"'));
    }
}
