package org.openvto.sip.transaction;

import org.openvto.sip.codec.SipResponse;

/** The transaction user of a client transaction. Called on the transaction's thread. */
public interface ClientTransactionListener {
    /** A provisional or final response to pass up (retransmissions are absorbed, not passed). */
    void onResponse(ClientTransaction transaction, SipResponse response);

    /** Timer B/F fired or the transport failed: behave as if a 408 had arrived (§8.1.3.1). */
    void onTimeout(ClientTransaction transaction, String reason);
}
