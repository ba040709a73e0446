package org.openvto.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.device.DeviceService;
import org.openvto.security.SecretCipher;

class SqliteDatabaseTest extends DatabaseContract {
    @TempDir
    Path dir;

    @Override
    protected Database openFresh() {
        return Database.open(new StorageConfig("", null, null, 4), dir);
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateAgain() {
        SecretCipher cipher = new SecretCipher(new byte[32]);
        db.settings(cipher).putAll(Map.of(DeviceService.VTO_NUMBER, "8002"));
        db.close();
        db = openFresh();
        assertThat(db.settings(cipher).get(DeviceService.VTO_NUMBER)).contains("8002");
        assertThat(db.schemaVersion()).isEqualTo("4");
        assertThat(dir.resolve("openvto.db")).exists();
    }
}
