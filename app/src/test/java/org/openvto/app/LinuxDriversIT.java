package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.Await;

/**
 * The VTO started with the Linux drivers on a machine without the GPIO chip they are wired to (this one has none):
 * it runs, and the camera module — whose user port (lock, door sensor, exit button, tamper) the drivers serve —
 * is reported offline with the reason, and its inputs are not simulated (they are wired).
 */
class LinuxDriversIT {
    static final String PASSWORD = "Door#Bell42";

    @TempDir
    Path dir;

    @Test
    void aMissingGpioChipIsAStatusNotAFailedStart() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        assertThat(Files.exists(Path.of("/dev/gpiochip7"))).isFalse();
        Map<String, String> env = Map.of(
                "OPENVTO_HARDWARE_DRIVER", "linux",
                "OPENVTO_HARDWARE_GPIO_CHIP", "/dev/gpiochip7",
                "OPENVTO_HARDWARE_GPIO_LOCK1_LINE", "17",
                "OPENVTO_HARDWARE_GPIO_DOOR_SENSOR_LINE", "27",
                "OPENVTO_HARDWARE_GPIO_DOOR_SENSOR_CONTACT", "nc");
        DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
        ObjectMapper json = new ObjectMapper();
        try (VtoProcess vto = new VtoProcess(data, "LinuxDriversIT", env).start()) {
            Await.until("the camera module offline with the chip's error", Duration.ofSeconds(10), () -> {
                try {
                    JsonNode status = json.readTree(api.send(vto.baseUrl(), "GET", "/api/v1/facade", null)
                                    .body())
                            .path("status");
                    return status.get(0).path("status").asText().equals("offline")
                            && status.get(0).path("reason").asText().contains("/dev/gpiochip7");
                } catch (Exception e) {
                    return false;
                }
            });
            // the wired user port is not simulated; the modules without a driver still are
            var door = api.send(vto.baseUrl(), "PUT", "/api/v1/facade/door", "{\"open\":true}");
            assertThat(door.statusCode()).isEqualTo(409);
            assertThat(door.body()).contains("wired to GPIO lines");
            assertThat(vto.logText()).contains("Façade: Linux drivers on /dev/gpiochip7");
        }
    }
}
