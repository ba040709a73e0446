package org.openvto.device;

import java.util.Map;
import java.util.Optional;

/**
 * Durable key/value settings of the device. {@link #putAll} is atomic: after a crash either every value of the
 * call is stored or none is. Values of {@linkplain SettingKey#secret() secret} keys are sealed at rest by the
 * implementation and come back opened; one sealed with another device key throws {@link IllegalStateException}.
 * Thread-safe.
 */
public interface SettingsStore {
    Optional<String> get(SettingKey key);

    void putAll(Map<SettingKey, String> values);

    /** Stores {@code value} unless {@code key} already has one; returns the value now stored. */
    String putIfAbsent(SettingKey key, String value);
}
