package org.openvto.sip.transaction;

/** A client transaction (INVITE or non-INVITE), as the transaction user sees it. */
public sealed interface ClientTransaction permits ClientInviteTransaction, ClientNonInviteTransaction {
    org.openvto.sip.codec.SipRequest request();

    /** Sends the request and starts the timers. */
    void start();

    /** The transaction user's own data (e.g. the proxy branch this transaction belongs to). */
    Object attachment();

    void attach(Object attachment);
}
