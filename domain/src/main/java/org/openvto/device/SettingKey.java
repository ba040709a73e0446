package org.openvto.device;

import java.util.Objects;

/**
 * The name of one durable setting, declared once by the feature that owns it, and whether its value is a
 * secret. A {@link SettingsStore} seals secret values at rest (the device key) and opens them on read, so no
 * feature encrypts anything itself and a secret can never be stored in the clear by forgetting to.
 *
 * @param name   the key in the {@code setting} table, {@code area.kebab-case} (at most 64 characters)
 * @param secret whether the value is a password or key that must not be readable in the database file
 */
public record SettingKey(String name, boolean secret) {
    public SettingKey {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9]*(\\.[a-z0-9-]+)+") || name.length() > 64) {
            throw new IllegalArgumentException("setting key must look like area.kebab-case: " + name);
        }
    }

    /** A setting stored as it is. */
    public static SettingKey plain(String name) {
        return new SettingKey(name, false);
    }

    /** A setting sealed at rest. */
    public static SettingKey secret(String name) {
        return new SettingKey(name, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
