package org.openvto.storage;

import java.sql.DriverManager;
import java.util.UUID;

/**
 * Runs the storage contract against a real PostgreSQL server. {@code scripts/test.sh} starts one on
 * loopback and exports {@code OPENVTO_TEST_PG_URL} (a superuser URL to the {@code postgres}
 * database); each test gets its own fresh database.
 */
class PostgresDatabaseTest extends DatabaseContract {
    private String url;

    static String adminUrl() {
        String url = System.getenv("OPENVTO_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("OPENVTO_TEST_PG_URL is not set: run the suite with scripts/test.sh, "
                    + "which starts PostgreSQL on 127.0.0.1");
        }
        return url;
    }

    @Override
    protected Database openFresh() throws Exception {
        String admin = adminUrl();
        String name = "openvto_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = DriverManager.getConnection(admin);
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        url = admin.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        return Database.open(new StorageConfig(url, null, null, 4), java.nio.file.Path.of("."));
    }

    @Override
    protected java.sql.Connection raw() throws java.sql.SQLException {
        return DriverManager.getConnection(url);
    }
}
