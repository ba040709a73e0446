package org.openvto.sip.transport;

import org.openvto.sip.codec.SipLimits;

/**
 * Where the SIP transports listen.
 *
 * @param bindAddress IP address to listen on (only there)
 * @param port        UDP and TCP port (5060 by default for a VTO SIP server)
 */
public record SipTransportConfig(String bindAddress, int port, SipLimits limits) {
    public SipTransportConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
    }
}
