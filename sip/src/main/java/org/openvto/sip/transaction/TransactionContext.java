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

    /**
     * {@code message} made ready to be sent again and again (a completed server transaction resending its final
     * response, RFC 3261 §17.2.2): a path may keep only the bytes that go on the wire instead of the parsed
     * message, which matters for the tens of thousands of transactions that wait out Timer J. The default
     * keeps the message and sends it through {@link #send}.
     */
    default Resendable retain(SipMessage message) {
        return () -> send(message);
    }

    /** A message kept for resending; {@link #send} returns false on an immediate transport error. */
    @FunctionalInterface
    interface Resendable {
        boolean send();
    }

    /**
     * Registers the listener for transport errors found after {@link #send} returned (a connection that could
     * not be opened, a write that failed: RFC 3261 §17.1.4). It is called later on the transaction's thread,
     * never from inside {@code send}. Paths without asynchronous errors ignore it.
     */
    default void onTransportError(java.util.function.Consumer<String> listener) {}

    TransactionTimers timers();

    TimerScheduler scheduler();

    /** The peer's address on this path (a connection's remote end, a datagram's source); {@code null} if unknown. */
    default java.net.InetSocketAddress peer() {
        return null;
    }
}
