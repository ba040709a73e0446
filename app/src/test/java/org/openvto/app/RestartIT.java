package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;

/** Headless {@code openvto init}, then restarts: the device stays initialized and keeps its identity. */
class RestartIT {
    @TempDir
    Path dir;

    @Test
    void cliInitRejectsWeakPasswordsAndRefusesASecondInit() throws Exception {
        Path data = dir.resolve("data");
        var weak = VtoProcess.cli("init", "--data-dir", data.toString(), "--password", "admin123");
        assertThat(weak.exitCode()).isEqualTo(Main.EXIT_REJECTED);
        assertThat(weak.output()).contains("must not contain the account name").contains("consecutive characters");
        var ok = VtoProcess.cli(
                "init", "--data-dir", data.toString(), "--password", "Door#Bell42", "--email", "ops@example.com");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Initialization succeeded");
        var again = VtoProcess.cli("init", "--data-dir", data.toString(), "--password", "Other#Pass9");
        assertThat(again.exitCode()).isEqualTo(Main.EXIT_ALREADY);
    }

    @Test
    void restartKeepsTheInitializedStateAndTheSerialNumber() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", "Door#Bell42")
                        .exitCode())
                .isZero();
        String firstSerial;
        try (VtoProcess vto = new VtoProcess(data, "RestartIT-1").start()) {
            assertThat(vto.get("/").headers().firstValue("Location")).contains("/login");
            assertThat(vto.get("/init").headers().firstValue("Location")).contains("/login");
            var device = new DigestClient("admin", "Door#Bell42", DigestAlgorithm.SHA_256)
                    .send(vto.baseUrl(), "GET", "/api/v1/device", null);
            assertThat(device.body()).contains("\"initialized\":true");
            firstSerial = device.body().replaceAll(".*\"serialNumber\":\"([^\"]+)\".*", "$1");
            assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", "Other#Pass9")
                            .output())
                    .as("the data directory is locked while the VTO runs")
                    .contains("in use by another running OpenVTO");
            int exit = vto.stop();
            assertThat(exit).as("SIGTERM is a clean shutdown").isIn(0, 143);
            assertThat(vto.logText()).contains("OpenVTO stopped");
        }
        try (VtoProcess vto = new VtoProcess(data, "RestartIT-2").start()) {
            assertThat(vto.get("/").headers().firstValue("Location")).contains("/login");
            var device = new DigestClient("admin", "Door#Bell42", DigestAlgorithm.MD5)
                    .send(vto.baseUrl(), "GET", "/api/v1/device", null);
            assertThat(device.statusCode()).isEqualTo(200);
            assertThat(device.body()).contains("\"serialNumber\":\"" + firstSerial + "\"");
        }
    }

    @Test
    void startupLogsOneLinePerServiceWithItsAddress() throws Exception {
        try (VtoProcess vto = new VtoProcess(dir.resolve("data"), "RestartIT-log").start()) {
            assertThat(vto.logText())
                    .contains("Data directory " + dir.resolve("data").toAbsolutePath())
                    .contains("Storage jdbc:sqlite:")
                    .contains("listening on " + vto.baseUrl() + "/")
                    .contains("not initialized");
        }
    }

    @Test
    void invalidConfigurationStopsStartupNamingTheKey() throws Exception {
        Path config = dir.resolve("bad.yaml");
        java.nio.file.Files.writeString(config, "http:\n  port: 70000\n");
        var r = VtoProcess.cli("run", "--data-dir", dir.resolve("data").toString(), "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(r.output()).contains("http.port: must be between 1 and 65535 (was 70000)");
    }
}
