package org.openvto.household;

import java.util.Optional;

/** Register Type of a room (Table 4-3): {@code public} registers with this server; {@code local} is reserved. */
public enum RegisterType {
    PUBLIC,
    LOCAL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<RegisterType> parse(String text) {
        for (RegisterType t : values()) {
            if (t.name().equalsIgnoreCase(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
