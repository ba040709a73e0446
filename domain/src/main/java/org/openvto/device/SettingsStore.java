package org.openvto.device;

import java.util.Map;
import java.util.Optional;

/**
 * Durable key/value settings of the device. {@link #putAll} is atomic: after a crash either every
 * value of the call is stored or none is. Thread-safe.
 */
public interface SettingsStore {
    Optional<String> get(String key);

    void putAll(Map<String, String> values);

    /** Stores {@code value} unless {@code key} already has one; returns the value now stored. */
    String putIfAbsent(String key, String value);
}
