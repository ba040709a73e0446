package org.openvto.network;

import java.util.Optional;

/** Network Setting › SIP Server › Server Type (Table 4-1) with the default port each implies. */
public enum ServerType {
    /** A VTO (this one or another) is the building's SIP server; domain {@code VDP}, port 5060. */
    VTO("VTO", 5060),
    /** The management platform (Express/DSS) is the SIP server; port 5080. */
    PLATFORM("Express/DSS", 5080);

    private final String label;
    private final int defaultPort;

    ServerType(String label, int defaultPort) {
        this.label = label;
        this.defaultPort = defaultPort;
    }

    public String label() {
        return label;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public static Optional<ServerType> parse(String text) {
        for (ServerType t : values()) {
            if (t.label.equalsIgnoreCase(text) || t.name().equalsIgnoreCase(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
