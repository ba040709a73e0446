package org.openvto.centre;

/**
 * One way to reach the management centre (SIP MESSAGE, HTTP webhook, syslog). {@link #deliver} is called on the
 * outbox's delivery thread for one destination, one message at a time, in order; it may block up to its own
 * timeout and must not throw (a failure is a {@link Delivery.Failed} with the reason).
 */
public interface CentreDestination {
    /** {@code sip}, {@code webhook}, {@code syslog}: the outbox's destination column. */
    String id();

    /** Which messages this destination takes ({@code alarm/} for alarms, {@code security/} for the security log). */
    boolean accepts(String topic);

    Delivery deliver(OutboxMessage message);

    /** How an attempt ended. */
    sealed interface Delivery {
        record Delivered() implements Delivery {}

        /** Not delivered; try again later. */
        record Failed(String reason) implements Delivery {}

        Delivery DELIVERED = new Delivered();
    }
}
