package org.openvto.sip.transaction;

/** Tells the transaction user about a server transaction's end. */
public interface ServerTransactionListener {
    /** Timer H fired: no ACK for a final non-2xx INVITE response (§17.2.1). */
    default void onNoAck(ServerInviteTransaction transaction) {}

    /** The transport could not deliver a response. */
    default void onTransportError(Transaction transaction, String reason) {}
}
