package org.openvto.sip.transaction;

import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;

/** Inputs of the transaction state machines. */
public sealed interface TransactionEvent {
    /** A request from the network matched this transaction (for a server: the original or a retransmission; ACK). */
    record RequestReceived(SipRequest request) implements TransactionEvent {}

    /** A response from the network matched this (client) transaction. */
    record ResponseReceived(SipResponse response) implements TransactionEvent {}

    /** The transaction user sends a response through this (server) transaction. */
    record ResponseFromTu(SipResponse response) implements TransactionEvent {}

    /** A timer of this transaction fired. */
    record TimerFired(TimerName timer) implements TransactionEvent {}

    /** The transport could not send (§17.1.4, §17.2.4). */
    record TransportError(String reason) implements TransactionEvent {}
}
