package org.openvto.storage.internal;

import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openvto.device.SettingKey;
import org.openvto.device.SettingsStore;

/** {@link SettingsStore} on the {@code setting} table; secret values sealed by {@link SettingRows}. */
public final class JdbcSettingsStore implements SettingsStore {
    private final Jdbi jdbi;
    private final SettingRows rows;

    public JdbcSettingsStore(Jdbi jdbi, SettingRows rows) {
        this.jdbi = jdbi;
        this.rows = rows;
    }

    @Override
    public Optional<String> get(SettingKey key) {
        return jdbi.withHandle(h -> rows.get(h, key));
    }

    @Override
    public void putAll(Map<SettingKey, String> values) {
        jdbi.useTransaction(h -> rows.putAll(h, values));
    }

    @Override
    public String putIfAbsent(SettingKey key, String value) {
        return jdbi.inTransaction(h -> {
            rows.insertIfAbsent(h, key, value);
            return rows.get(h, key).orElseThrow();
        });
    }
}
