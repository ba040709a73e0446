package org.openvto.storage.internal;

import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openvto.device.SettingKey;
import org.openvto.security.SecretCipher;

/**
 * Reads and writes rows of the {@code setting} table inside a caller's transaction: the one place where
 * secret settings are sealed with the device key on the way in and opened on the way out (the VTO and room
 * passwords of {@link JdbcHouseholdStore} are sealed with the same {@link SecretCipher}, by
 * {@link #seal}/{@link #open}). Stateless apart from the cipher; thread-safe.
 */
public final class SettingRows {
    private static final String UPSERT = "INSERT INTO setting (setting_key, setting_value) VALUES (:k, :v) "
            + "ON CONFLICT (setting_key) DO UPDATE SET setting_value = excluded.setting_value";
    private final SecretCipher cipher;

    public SettingRows(SecretCipher cipher) {
        this.cipher = cipher;
    }

    Optional<String> get(Handle h, SettingKey key) {
        return h.createQuery("SELECT setting_value FROM setting WHERE setting_key = :k")
                .bind("k", key.name())
                .mapTo(String.class)
                .findOne()
                .map(v -> key.secret() ? open(v) : v);
    }

    void putAll(Handle h, Map<SettingKey, String> values) {
        var batch = h.prepareBatch(UPSERT);
        values.forEach((k, v) ->
                batch.bind("k", k.name()).bind("v", k.secret() ? seal(v) : v).add());
        batch.execute();
    }

    /** Inserts {@code value} unless the key has one. */
    void insertIfAbsent(Handle h, SettingKey key, String value) {
        h.createUpdate("INSERT INTO setting (setting_key, setting_value) VALUES (:k, :v) "
                        + "ON CONFLICT (setting_key) DO NOTHING")
                .bind("k", key.name())
                .bind("v", key.secret() ? seal(value) : value)
                .execute();
    }

    String seal(String plain) {
        return cipher.encrypt(plain == null ? "" : plain);
    }

    String open(String sealed) {
        return cipher.decrypt(sealed);
    }
}
