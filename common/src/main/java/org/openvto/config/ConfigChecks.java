package org.openvto.config;

/** Range checks shared by the per-feature configuration records; each failure names the key and the allowed range. */
public final class ConfigChecks {
    private ConfigChecks() {}

    /** Returns {@code value} if it lies in {@code [min, max]}, otherwise throws naming {@code key}. */
    public static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    /** A TCP/UDP port number, 1–65535. */
    public static int port(String key, int value) {
        return inRange(key, value, 1, 65535);
    }

    /** Returns {@code value} if it is not blank, otherwise throws naming {@code key}. */
    public static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, "must not be empty");
        }
        return value;
    }
}
