package org.openvto.media.rtsp;

import java.util.Optional;

/**
 * One transport specification of an RTSP {@code Transport} header (RFC 2326 §12.39) that this server can serve:
 * unicast RTP over UDP to the client's port pair, or RTP interleaved on the RTSP connection.
 */
public sealed interface Transport {
    /** {@code RTP/AVP[/UDP];unicast;client_port=a-b}. */
    record Udp(int clientRtpPort, int clientRtcpPort) implements Transport {}

    /** {@code RTP/AVP/TCP;unicast;interleaved=a-b}. */
    record Interleaved(int rtpChannel, int rtcpChannel) implements Transport {}

    /**
     * The first alternative of a {@code Transport} header this server supports (clients may list several, comma
     * separated, in order of preference); empty when none is (answered with 461 Unsupported Transport).
     */
    static Optional<Transport> choose(String header) {
        for (String spec : header.split(",")) {
            Optional<Transport> t = parseOne(spec.strip());
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    private static Optional<Transport> parseOne(String spec) {
        String[] parts = spec.split(";");
        String protocol = parts[0].strip().toUpperCase(java.util.Locale.ROOT);
        boolean tcp = protocol.equals("RTP/AVP/TCP");
        if (!tcp && !protocol.equals("RTP/AVP") && !protocol.equals("RTP/AVP/UDP")) {
            return Optional.empty();
        }
        int[] ports = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.equalsIgnoreCase("multicast")) {
                return Optional.empty();
            }
            String key = tcp ? "interleaved=" : "client_port=";
            if (p.regionMatches(true, 0, key, 0, key.length())) {
                ports = range(p.substring(key.length()), tcp ? 255 : 65_535);
                if (ports == null) {
                    return Optional.empty();
                }
            }
        }
        if (tcp) {
            // interleaved is optional: without it the server picks 0-1 (RFC 2326 §12.39)
            return Optional.of(ports == null ? new Interleaved(0, 1) : new Interleaved(ports[0], ports[1]));
        }
        return ports == null ? Optional.empty() : Optional.of(new Udp(ports[0], ports[1]));
    }

    private static int[] range(String value, int max) {
        String[] ends = value.split("-", -1);
        try {
            int a = Integer.parseInt(ends[0].strip());
            int b = ends.length > 1 ? Integer.parseInt(ends[1].strip()) : a + 1;
            if (ends.length > 2 || a < 0 || b < 0 || a > max || b > max || (max > 255 && (a == 0 || b == 0))) {
                return null;
            }
            return new int[] {a, b};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The header value confirming this transport, with the server's ports for UDP. */
    default String confirm(int serverRtpPort, int serverRtcpPort) {
        return switch (this) {
            case Udp u ->
                "RTP/AVP;unicast;client_port=" + u.clientRtpPort() + "-" + u.clientRtcpPort() + ";server_port="
                        + serverRtpPort + "-" + serverRtcpPort;
            case Interleaved i -> "RTP/AVP/TCP;unicast;interleaved=" + i.rtpChannel() + "-" + i.rtcpChannel();
        };
    }
}
