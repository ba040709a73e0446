package org.openvto.config;

/**
 * A configuration value that is missing, malformed or out of range. The message always starts with
 * the dotted key (e.g. {@code http.port}) so the operator knows which line of which file to fix.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The dotted configuration key at fault. */
    public String key() {
        return key;
    }
}
