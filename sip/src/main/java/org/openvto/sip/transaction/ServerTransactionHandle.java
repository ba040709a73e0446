package org.openvto.sip.transaction;

import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;

/** What the transaction user holds to answer a request. */
public interface ServerTransactionHandle {
    SipRequest request();

    /** Sends {@code response} through the server transaction. */
    void respond(SipResponse response);

    /**
     * Sends a final {@code response} without keeping transaction state (RFC 3261 §8.2.7): a retransmission of
     * the request reaches the transaction user again, which must then answer it the same way. For
     * challenges and for requests the user recognises as retransmissions itself (the registrar). A
     * provisional response, or a transaction that already answered statefully, falls back to
     * {@link #respond}.
     */
    void respondStatelessly(SipResponse response);

    /**
     * Answers nothing and keeps no state, as if the request had never arrived (a banned flooding source): its
     * retransmissions reach the transaction user again. Only before any answer.
     */
    void drop();

    /** The transaction's identity (§17.2.3: branch, sent-by and method): equal for a request's retransmissions. */
    String id();

    /** The transaction user's own data (e.g. the proxy context of an INVITE). */
    Object attachment();

    void attach(Object attachment);

    /**
     * Where the request came from: the connection's remote address on TCP/TLS, the datagram's source on UDP
     * (which may differ from the Via's sent-by); {@code null} when unknown (tests).
     */
    default java.net.InetSocketAddress peer() {
        return null;
    }
}
