package org.openvto.media.sdp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.openvto.media.sdp.internal.Addresses;

/**
 * A connection address as {@code c=} and {@code o=} carry it (RFC 8866 §5.7): {@code IN IP4 192.0.2.10} or {@code IN
 * IP6 2001:db8::10}. The address is kept as written (it may be a host name or carry a multicast {@code /ttl}); {@link
 * #literal()} is the IP address when it is a literal of the stated family — names are never resolved. Immutable.
 */
public record Connection(String netType, String addressType, String address) {
    public Connection {
        Objects.requireNonNull(netType, "netType");
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(address, "address");
        if (netType.isBlank()
                || addressType.isBlank()
                || address.isBlank()
                || (netType + addressType + address).chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("connection fields are non-empty tokens");
        }
    }

    /** {@code IN IP4 …} or {@code IN IP6 …} for an address. */
    public static Connection of(InetAddress address) {
        String host = address.getHostAddress();
        int zone = host.indexOf('%'); // a scope id means nothing to the peer (RFC 8866 §5.7 has none)
        return new Connection(
                "IN", address instanceof Inet6Address ? "IP6" : "IP4", zone < 0 ? host : host.substring(0, zone));
    }

    /** The address when it is an IP literal of the family {@code addressType} names ({@code IN} only). */
    public Optional<InetAddress> literal() {
        if (!netType.equals("IN")) {
            return Optional.empty();
        }
        return switch (addressType) {
            case "IP4" -> Addresses.ipv4(address);
            case "IP6" -> Addresses.ipv6(address);
            default -> Optional.empty();
        };
    }

    /**
     * {@code 0.0.0.0} (or {@code ::}): "do not send to me", the hold of RFC 2543 that RFC 3264 §8.4 still asks an
     * answerer to understand.
     */
    public boolean isUnspecified() {
        return literal().map(InetAddress::isAnyLocalAddress).orElse(false);
    }

    /** {@code IN IP4 192.0.2.10}: the value of a {@code c=} line. */
    public String format() {
        return netType + " " + addressType + " " + address;
    }
}
