package org.openvto.sip.transport;

import java.util.Locale;

/** The SIP transports this server speaks (RFC 3261 §18): datagrams, and two byte-stream kinds. */
public enum SipTransportKind {
    UDP,
    TCP,
    TLS;

    /** True for the stream transports (no retransmissions, §17.1.1.2; Content-Length mandatory, §18.3). */
    public boolean reliable() {
        return this != UDP;
    }

    /** The Via / {@code transport=} token. */
    public String token() {
        return name();
    }

    /**
     * The transport named by a Via token or a URI's {@code transport=} parameter (any case); {@code secure}
     * ({@code sips:}) means TLS whatever the parameter says (§19.1.4, §26.2.2). Unknown tokens (SCTP, WS) give
     * {@code null}: this server cannot send over them.
     */
    public static SipTransportKind of(String token, boolean secure) {
        if (secure) {
            return TLS;
        }
        if (token == null || token.isEmpty()) {
            return UDP;
        }
        return switch (token.toUpperCase(Locale.ROOT)) {
            case "UDP" -> UDP;
            case "TCP" -> TCP;
            case "TLS" -> TLS;
            default -> null;
        };
    }
}
