package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openvto.testkit.Await;

/**
 * The VTO's own calls against real peers on loopback (issue: calls). One VTO for the class, made the building SIP
 * server; the tests build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VtoCallsIT {
    static final String PASSWORD = "Door#Bell42";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static VtoProcess vto;
    static DigestClient api;
    static int sipPort;

    @BeforeAll
    static void start() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        vto = new VtoProcess(data, "VtoCallsIT").start();
        api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
        sipPort = vto.enableSipServer(api);
        IndoorMonitorsUdpIT.awaitSipListening(vto);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vto != null) {
            vto.close();
        }
    }

    static JsonNode get(String path) throws Exception {
        var r = api.send(vto.baseUrl(), "GET", "/api/v1" + path, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode awaitRegistration(String state) throws Exception {
        JsonNode[] last = new JsonNode[1];
        Await.until("registration " + state, Duration.ofSeconds(15), () -> {
            try {
                last[0] = get("/sip-server/registration");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return last[0].path("state").asText().equals(state);
        });
        return last[0];
    }

    @Test
    @Order(1)
    void withoutItsVtoListEntryTheVtoSaysWhyItCannotRegisterAndWithItItRegisters() throws Exception {
        JsonNode failed = awaitRegistration("failed");
        assertThat(failed.path("reason").asText()).contains("not in the VTO list", "4.2.5");

        var added = api.send(
                vto.baseUrl(),
                "POST",
                "/api/v1/vtos",
                "{\"recNo\":\"8001\",\"ipAddress\":\"192.168.1.108\",\"registerPassword\":\"Pw-8001\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode ok = awaitRegistration("registered");
        assertThat(ok.path("server").asText()).isEqualTo("127.0.0.1:" + sipPort);
        assertThat(ok.path("until").asText()).isNotBlank();
        String vtos =
                api.send(vto.baseUrl(), "GET", "/api/v1/vtos?limit=100", null).body();
        assertThat(vtos).as("the VTO itself shows online in its list").contains("\"online\"");
    }
}
