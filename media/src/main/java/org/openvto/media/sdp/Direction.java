package org.openvto.media.sdp;

import java.util.Optional;

/**
 * A stream's direction attribute (RFC 8866 §6.7, RFC 3264 §5.1) from the point of view of the side whose description
 * carries it: {@code sendonly} means "I send and will not receive". A description without one is {@link #SENDRECV}.
 */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The attribute name: {@code sendrecv}, {@code sendonly}, {@code recvonly}, {@code inactive}. */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Direction of(boolean sends, boolean receives) {
        return sends ? (receives ? SENDRECV : SENDONLY) : (receives ? RECVONLY : INACTIVE);
    }

    /** The direction named by an attribute, case-sensitive as RFC 8866 §6 attribute names are. */
    public static Optional<Direction> fromAttribute(String name) {
        for (Direction d : values()) {
            if (d.attribute().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The most an answerer wanting {@code wanted} may answer to this offered direction (RFC 3264 §6.1): it sends only
     * if the offerer receives and receives only if the offerer sends — a {@code sendonly} offer gets {@code recvonly}
     * or {@code inactive}, a {@code recvonly} one {@code sendonly} or {@code inactive}, {@code inactive} stays
     * inactive.
     */
    public Direction answer(Direction wanted) {
        return of(receives && wanted.sends, sends && wanted.receives);
    }
}
