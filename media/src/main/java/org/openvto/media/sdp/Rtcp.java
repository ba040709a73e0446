package org.openvto.media.sdp;

import java.util.Optional;

/**
 * An {@code a=rtcp:} value (RFC 3605 §2.1): the port RTCP goes to when it is not the RTP port + 1, and optionally
 * the address when it is not the {@code c=} one. Immutable.
 */
public record Rtcp(int port, Optional<Connection> address) {
    public Rtcp {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("RTCP port must be 1–65535: " + port);
        }
    }

    /** Reads {@code 53020} or {@code 53020 IN IP4 126.16.64.4}; empty if it is neither. */
    public static Optional<Rtcp> parse(String value) {
        String[] f = value.strip().split("[ \t]+");
        if ((f.length != 1 && f.length != 4) || !f[0].matches("[0-9]{1,5}")) {
            return Optional.empty();
        }
        int port = Integer.parseInt(f[0]);
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        return Optional.of(
                new Rtcp(port, f.length == 4 ? Optional.of(new Connection(f[1], f[2], f[3])) : Optional.empty()));
    }

    public String format() {
        return port + address.map(a -> " " + a.format()).orElse("");
    }
}
