package org.openvto.testkit.peers;

import java.util.Locale;

/** The SIP transport a test peer (linphone, baresip) uses towards the VTO: UDP and TCP on the SIP port, TLS on the next. */
public enum PeerTransport {
    UDP,
    TCP,
    TLS;

    /** The {@code transport=} URI parameter value: {@code udp}, {@code tcp} or {@code tls}. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The VTO's port for this transport, given its SIP (UDP/TCP) port: TLS listens on the next port. */
    public int serverPort(int sipPort) {
        return this == TLS ? sipPort + 1 : sipPort;
    }

    /** {@code sip:127.0.0.1:PORT;transport=…} — the VTO on loopback as the outbound proxy for this transport. */
    public String proxyUri(int sipPort) {
        return "sip:127.0.0.1:" + serverPort(sipPort) + ";transport=" + param();
    }
}
