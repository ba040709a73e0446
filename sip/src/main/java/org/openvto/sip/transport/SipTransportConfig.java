package org.openvto.sip.transport;

import org.openvto.sip.codec.SipLimits;

/**
 * Where the SIP transports listen.
 *
 * @param bindAddress IP address to listen on (only there)
 * @param port        UDP and TCP port (5060 by default for a VTO SIP server)
 * @param tls         SIP over TLS (RFC 3261 §26.2), or {@code null} for none
 */
public record SipTransportConfig(String bindAddress, int port, SipLimits limits, Tls tls) {
    public SipTransportConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
    }

    public SipTransportConfig(String bindAddress, int port, SipLimits limits) {
        this(bindAddress, port, limits, null);
    }

    /**
     * @param port     TLS port (5061 by default)
     * @param keyStore PKCS#12 file with the server's key and certificate
     */
    public record Tls(int port, java.nio.file.Path keyStore, char[] password) {
    }
}
