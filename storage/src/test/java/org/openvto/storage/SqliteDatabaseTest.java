package org.openvto.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest extends DatabaseContract {
    @TempDir
    Path dir;

    @Override
    protected Database openFresh() {
        return Database.open(new StorageConfig("", null, null, 4), dir);
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateAgain() {
        db.settings().putAll(Map.of("device.vto-number", "8002"));
        db.close();
        db = openFresh();
        assertThat(db.settings().get("device.vto-number")).contains("8002");
        assertThat(db.schemaVersion()).isEqualTo("4");
        assertThat(dir.resolve("openvto.db")).exists();
    }
}
