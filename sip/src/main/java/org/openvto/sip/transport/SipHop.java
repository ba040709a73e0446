package org.openvto.sip.transport;

import java.net.InetSocketAddress;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transaction.TransactionContext;

/**
 * Where and how a request is sent to a URI (RFC 3261 §18.1.1, §19.1.4 — without RFC 3263 lookups): the target
 * address from the URI's host and port (5060, or 5061 for TLS, when it has none), the transport from its
 * {@code transport} parameter, TLS for {@code sips:}, else the transport the device registered over, and for
 * streams the connection the device registered on ({@code flow}, RFC 5626 §5.3) to reuse while it is open.
 *
 * <p>Only IP literals are sent to: a host name would have to be resolved, which would block the SIP thread, and
 * the building's devices register with addresses. Immutable; {@link #of} never throws.
 *
 * @param target where the request goes
 * @param kind   over which transport
 * @param flow   for TCP/TLS, the remote end of the connection the device registered on; {@code null} if none
 */
public record SipHop(InetSocketAddress target, SipTransportKind kind, InetSocketAddress flow) {
    /**
     * The hop for {@code uri}; {@code registeredTransport} ({@code UDP}, {@code TCP}, {@code TLS}) and
     * {@code registeredSource} ({@code ip:port}, as {@link SipTransport#format} wrote it) describe the registration
     * the URI is the contact of, both {@code null} when it is none. {@code null} when the URI has no IP address or
     * names a transport this stack cannot use.
     */
    public static SipHop of(SipUri uri, String registeredTransport, String registeredSource) {
        if (uri == null || uri.host() == null) {
            return null;
        }
        String param = uri.transport();
        SipTransportKind kind = param == null && !uri.isSecure() && registeredTransport != null
                ? SipTransportKind.of(registeredTransport, false)
                : SipTransportKind.of(param, uri.isSecure());
        if (kind == null) {
            return null;
        }
        int port = uri.port() > 0 ? uri.port() : kind == SipTransportKind.TLS ? 5061 : 5060;
        InetSocketAddress target = SipTransport.literalAddress(uri.host(), port);
        if (target == null) {
            return null;
        }
        InetSocketAddress flow =
                registeredSource == null || !kind.reliable() ? null : SipTransport.parse(registeredSource);
        return new SipHop(target, kind, flow);
    }

    /** A path for sending on this hop. */
    public TransactionContext path(SipPaths paths) {
        return paths.pathTo(target, kind, flow);
    }
}
