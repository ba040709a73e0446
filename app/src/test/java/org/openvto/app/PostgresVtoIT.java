package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;

/**
 * The whole VTO on PostgreSQL (a multi-building installation keeps its records there): same code,
 * selected by {@code storage.url}. Needs {@code OPENVTO_TEST_PG_URL}, which scripts/test.sh sets.
 */
class PostgresVtoIT {
    @TempDir
    Path dir;

    @Test
    void initializesAndKeepsItsStateAcrossRestartsOnPostgres() throws Exception {
        String admin = System.getenv("OPENVTO_TEST_PG_URL");
        if (admin == null || admin.isBlank()) {
            throw new IllegalStateException("OPENVTO_TEST_PG_URL is not set: run the suite with scripts/test.sh");
        }
        String db = "vto_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = DriverManager.getConnection(admin);
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        Map<String, String> env =
                Map.of("OPENVTO_STORAGE_URL", admin.replaceFirst("/postgres(\\?|$)", "/" + db + "$1"));
        try (VtoProcess vto = new VtoProcess(dir.resolve("data"), "PostgresVtoIT-1", env).start()) {
            assertThat(vto.logText()).contains("Storage jdbc:postgresql://");
            assertThat(vto.postJson("/api/v1/init", "{\"password\":\"Door#Bell42\"}")
                            .statusCode())
                    .isEqualTo(201);
        }
        try (VtoProcess vto = new VtoProcess(dir.resolve("data"), "PostgresVtoIT-2", env).start()) {
            var device = new DigestClient("admin", "Door#Bell42", DigestAlgorithm.SHA_256)
                    .send(vto.baseUrl(), "GET", "/api/v1/device", null);
            assertThat(device.statusCode()).isEqualTo(200);
            assertThat(device.body()).contains("\"initialized\":true");
            var log = new DigestClient("admin", "Door#Bell42", DigestAlgorithm.MD5)
                    .send(vto.baseUrl(), "GET", "/api/v1/security-log", null);
            assertThat(log.body()).contains("device/initialized");
        }
        try (var c = DriverManager.getConnection(admin.replaceFirst("/postgres(\\?|$)", "/" + db + "$1"));
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM account")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
