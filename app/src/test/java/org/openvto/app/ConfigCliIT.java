package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;

/** {@code openvto config export|import FILE --data-dir DIR}: a round trip, and a bad file changes nothing. */
class ConfigCliIT {
    @TempDir
    Path dir;

    @Test
    void exportThenImportIntoAFreshDeviceGivesTheSameConfigurationAndBadFilesChangeNothing() throws Exception {
        Path source = dir.resolve("source");
        assertThat(VtoProcess.cli("init", "--data-dir", source.toString(), "--password", "Door#Bell42")
                        .exitCode())
                .isZero();
        try (VtoProcess vto = new VtoProcess(source, "ConfigCliIT").start()) {
            DigestClient api = new DigestClient("admin", "Door#Bell42", DigestAlgorithm.SHA_256);
            assertThat(api.send(
                                    vto.baseUrl(),
                                    "PUT",
                                    "/api/v1/device/properties",
                                    "{\"vtoNumber\":\"8003\",\"systemType\":\"TCP/IP\",\"deviceName\":\"Gate A\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(api.send(
                                    vto.baseUrl(),
                                    "POST",
                                    "/api/v1/vtos",
                                    "{\"recNo\":\"8004\",\"ipAddress\":\"10.1.2.4\"}")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(api.send(
                                    vto.baseUrl(),
                                    "POST",
                                    "/api/v1/rooms/batch",
                                    "{\"layers\":3,\"roomsPerLayer\":2,\"firstFloorNo\":101,\"secondFloorNo\":201}")
                            .statusCode())
                    .isEqualTo(201);
        }
        Path file = dir.resolve("backup.json");
        var export = VtoProcess.cli("config", "export", file.toString(), "--data-dir", source.toString());
        assertThat(export.exitCode()).as(export.output()).isZero();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String exported = Files.readString(file);
        assertThat(exported).contains("\"vtoNumber\" : \"8003\"").contains("\"roomNo\" : \"302#0\"");

        Path target = dir.resolve("target");
        assertThat(VtoProcess.cli("init", "--data-dir", target.toString(), "--password", "Gate#Keep73")
                        .exitCode())
                .isZero();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, exported.replace("\"302#0\"", "\"1234567\""));
        var rejected = VtoProcess.cli("config", "import", bad.toString(), "--data-dir", target.toString());
        assertThat(rejected.exitCode()).isEqualTo(Main.EXIT_REJECTED);
        assertThat(rejected.output()).contains("Nothing was imported").contains("rooms[5].roomNo");
        Path after = dir.resolve("after-bad.json");
        VtoProcess.cli("config", "export", after.toString(), "--data-dir", target.toString());
        assertThat(Files.readString(after)).doesNotContain("8003").contains("\"rooms\" : [ ]");

        var imported = VtoProcess.cli("config", "import", file.toString(), "--data-dir", target.toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        Path again = dir.resolve("again.json");
        var second = VtoProcess.cli("config", "export", again.toString(), "--data-dir", target.toString());
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(Files.readString(again)).isEqualTo(exported);
    }
}
