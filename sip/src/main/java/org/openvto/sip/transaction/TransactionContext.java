package org.openvto.sip.transaction;

import org.openvto.sip.codec.SipMessage;

/**
 * What a transaction needs from the transport beneath it: a way to send to its peer, whether that
 * path is reliable (TCP/TLS: no retransmissions), the timer values and a scheduler.
 */
public interface TransactionContext {
    /** Sends to this transaction's peer; returns false on an immediate transport error. */
    boolean send(SipMessage message);

    boolean reliable();

    TransactionTimers timers();

    TimerScheduler scheduler();
}
