package org.openvto.media.sdp.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** IP literals of SDP addresses, read without ever resolving a name. */
public final class Addresses {
    private Addresses() {}

    /** A dotted-quad IPv4 address ({@code 192.0.2.1}); anything else, a name included, is empty. */
    public static Optional<InetAddress> ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return byAddress(bytes);
    }

    /** An IPv6 literal ({@code 2001:db8::1}, {@code ::ffff:192.0.2.1}); no zone ids, no brackets, no names. */
    public static Optional<InetAddress> ipv6(String s) {
        // A hex digit or colon first, then only hex digits, colons and dots, with a colon: InetAddress then parses
        // it as a literal and never asks DNS (what is not an IPv6 literal fails as one).
        if (s.length() > 45 || !s.matches("[0-9A-Fa-f:][0-9A-Fa-f.]*:[0-9A-Fa-f:.]*|:")) {
            return Optional.empty();
        }
        try {
            // ::ffff:a.b.c.d comes back as an Inet4Address; it was written as an IPv6 literal all the same.
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> byAddress(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty(); // not reached: four bytes are always an address
        }
    }
}
