package org.openvto.device;

import java.util.Optional;

/**
 * Local Setting › Basic › System Type (Quick Start Guide 4.2.4 step 4). A new VTO is analogue and cannot
 * reach VTHs.
 */
public enum SystemType {
    TCP_IP("TCP/IP"),
    ANALOG("Analog");

    private final String label;

    SystemType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the label ({@code TCP/IP}, {@code Analog}) or the constant name, case-insensitively. */
    public static Optional<SystemType> parse(String text) {
        for (SystemType t : values()) {
            if (t.label.equalsIgnoreCase(text)
                    || t.name().equalsIgnoreCase(text)
                    || (t == ANALOG && "analogue".equalsIgnoreCase(text))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
