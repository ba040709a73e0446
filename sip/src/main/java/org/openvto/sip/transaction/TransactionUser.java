package org.openvto.sip.transaction;

import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;

/**
 * The layer above transactions (registrar, proxy, user agent core). Called on the transaction layer's
 * thread.
 */
public interface TransactionUser {
    /**
     * A new request. For everything but ACK a server transaction exists and must get a response through
     * {@link ServerTransactionHandle#respond}. ACK for a 2xx has no transaction ({@code server} is null).
     */
    void onRequest(SipRequest request, ServerTransactionHandle server);

    /** A response that matched no client transaction (e.g. a 2xx retransmission to a proxy): stateless forward. */
    default void onStrayResponse(SipResponse response) {}

    /** A CANCEL matched the INVITE server transaction {@code invite} (§9.2); the 200 for the CANCEL is already sent. */
    default void onCancel(SipRequest cancel, ServerTransactionHandle invite) {}
}
