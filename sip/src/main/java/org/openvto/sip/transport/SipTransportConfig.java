package org.openvto.sip.transport;

import java.time.Duration;
import org.openvto.sip.codec.SipLimits;

/**
 * Where the SIP transports listen, and the limits on stream connections.
 *
 * @param bindAddress IP address to listen on (only there); IPv4 or IPv6 literal
 * @param port        UDP and TCP port (5060 by default for a VTO SIP server)
 * @param tls         SIP over TLS (RFC 3261 §26.2), or {@code null} for none
 * @param connections limits on TCP and TLS connections (idle timeout, per-source and total caps)
 */
public record SipTransportConfig(String bindAddress, int port, SipLimits limits, Tls tls, Connections connections) {
    public SipTransportConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        if (connections == null) {
            connections = Connections.DEFAULT;
        }
    }

    public SipTransportConfig(String bindAddress, int port, SipLimits limits, Tls tls) {
        this(bindAddress, port, limits, tls, Connections.DEFAULT);
    }

    public SipTransportConfig(String bindAddress, int port, SipLimits limits) {
        this(bindAddress, port, limits, null, Connections.DEFAULT);
    }

    /**
     * @param port     TLS port (5061 by default)
     * @param keyStore PKCS#12 file with the server's key and certificate
     */
    public record Tls(int port, java.nio.file.Path keyStore, char[] password) {}

    /**
     * Stream connection limits (issue: 200 idle connections stayed open for ever).
     *
     * @param idleTimeout   a TCP/TLS connection with no traffic for this long is closed unless a live registration
     *                      uses it (the device is reached through it); Kamailio closes after about 2 minutes
     * @param maxPerSource  connections one source IP address may hold open at once; more are closed at accept
     * @param maxTotal      connections the server holds open at once (inbound and outbound); more are refused
     */
    public record Connections(Duration idleTimeout, int maxPerSource, int maxTotal) {
        /** 120 s idle, 32 per source address, 4,096 in total. */
        public static final Connections DEFAULT = new Connections(Duration.ofSeconds(120), 32, 4096);

        public Connections {
            if (idleTimeout.isNegative() || idleTimeout.isZero() || maxPerSource < 1 || maxTotal < maxPerSource) {
                throw new IllegalArgumentException(
                        "unreasonable SIP connection limits: " + idleTimeout + "/" + maxPerSource + "/" + maxTotal);
            }
        }
    }
}
