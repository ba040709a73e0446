package org.openvto.sip.transport;

import java.net.InetSocketAddress;
import org.openvto.sip.transaction.TransactionContext;

/**
 * What a transaction user that sends requests (a proxy, a user agent) needs from the transport: paths to
 * send on and the addresses this server is known by (its Via sent-by and Record-Route, and to recognise
 * requests routed to itself). {@link SipTransport} is the network implementation; tests use one that
 * records what would be sent.
 *
 * <p>Called on the SIP thread; {@link #pathTo} never blocks (connections open asynchronously, RFC 3261 §17.1.4
 * errors arrive later through the path).
 */
public interface SipPaths {
    /**
     * A path for sending requests to {@code target} over {@code kind}; for streams the connection from
     * {@code flow} (where the device registered from; may be {@code null}) is preferred while it is open.
     */
    TransactionContext pathTo(InetSocketAddress target, SipTransportKind kind, InetSocketAddress flow);

    /** The bind address as given (an IP literal). */
    String host();

    /** The bind address as written in a URI or Via sent-by: IPv6 in brackets (RFC 3261 §25.1). */
    String uriHost();

    /** The UDP (and TCP) port. */
    int port();

    /** The TLS port, or -1 without TLS. */
    int tlsPort();

    /** The port for {@code kind} (TLS: -1 without TLS). */
    default int port(SipTransportKind kind) {
        return kind == SipTransportKind.TLS ? tlsPort() : port();
    }
}
