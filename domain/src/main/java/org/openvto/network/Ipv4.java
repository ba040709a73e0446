package org.openvto.network;

import java.util.Optional;

/** Dotted-quad IPv4 addresses and masks as the TCP/IP page uses them. Stateless. */
public final class Ipv4 {
    private Ipv4() {}

    /** The address as an unsigned 32-bit value, or empty if {@code text} is not a dotted quad of 0–255. */
    public static Optional<Long> parse(String text) {
        if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : text.split("\\.")) {
            if (part.length() > 1 && part.startsWith("0")) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(value);
    }

    public static boolean valid(String text) {
        return parse(text).isPresent();
    }

    /** A usable host address: not 0.0.0.0, not broadcast, not loopback, not multicast. */
    public static boolean validHost(String text) {
        return parse(text)
                .filter(v -> v != 0 && v != 0xFFFFFFFFL && (v >>> 24) != 127 && (v >>> 28) != 0xE)
                .isPresent();
    }

    /** A subnet mask: contiguous ones then zeros, /1 to /30. */
    public static boolean validMask(String text) {
        return parse(text)
                .filter(m -> {
                    long inverted = ~m & 0xFFFFFFFFL;
                    return (inverted & (inverted + 1)) == 0 && m != 0 && Long.bitCount(m) <= 30;
                })
                .isPresent();
    }

    /** True when {@code a} and {@code b} are in the same subnet under {@code mask} (all three valid). */
    public static boolean sameSubnet(String a, String b, String mask) {
        long m = parse(mask).orElseThrow();
        return (parse(a).orElseThrow() & m) == (parse(b).orElseThrow() & m);
    }

    /** True when {@code host} is the network or broadcast address of its subnet. */
    public static boolean networkOrBroadcast(String host, String mask) {
        long h = parse(host).orElseThrow();
        long m = parse(mask).orElseThrow();
        long hostBits = h & ~m & 0xFFFFFFFFL;
        return hostBits == 0 || hostBits == (~m & 0xFFFFFFFFL);
    }
}
