package org.openvto.sip.transaction;

import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;

/** What the transaction user holds to answer a request. */
public interface ServerTransactionHandle {
    SipRequest request();

    /** Sends {@code response} through the server transaction. */
    void respond(SipResponse response);

    /** The transaction user's own data (e.g. the proxy context of an INVITE). */
    Object attachment();

    void attach(Object attachment);
}
