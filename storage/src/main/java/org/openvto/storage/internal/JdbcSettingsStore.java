package org.openvto.storage.internal;

import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openvto.device.SettingsStore;

/** {@link SettingsStore} on the {@code setting} table. */
public final class JdbcSettingsStore implements SettingsStore {
    private static final String UPSERT = "INSERT INTO setting (setting_key, setting_value) VALUES (:k, :v) "
            + "ON CONFLICT (setting_key) DO UPDATE SET setting_value = excluded.setting_value";
    private final Jdbi jdbi;

    public JdbcSettingsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<String> get(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_value FROM setting WHERE setting_key = :k")
                .bind("k", key)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void putAll(Map<String, String> values) {
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch(UPSERT);
            values.forEach((k, v) -> batch.bind("k", k).bind("v", v).add());
            batch.execute();
        });
    }

    @Override
    public String putIfAbsent(String key, String value) {
        return jdbi.inTransaction(h -> {
            h.createUpdate(
                            "INSERT INTO setting (setting_key, setting_value) VALUES (:k, :v) ON CONFLICT (setting_key) DO NOTHING")
                    .bind("k", key)
                    .bind("v", value)
                    .execute();
            return h.createQuery("SELECT setting_value FROM setting WHERE setting_key = :k")
                    .bind("k", key)
                    .mapTo(String.class)
                    .one();
        });
    }
}
