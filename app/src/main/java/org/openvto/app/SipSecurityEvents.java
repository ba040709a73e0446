package org.openvto.app;

import java.time.Duration;
import java.time.Instant;
import org.openvto.event.Event;
import org.openvto.event.EventBus;
import org.openvto.security.SecurityEvent;
import org.openvto.sip.registrar.SipAuthListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the SIP server's locks and flood bans into {@link SecurityEvent}s ({@code security/sip/locked},
 * {@code security/sip/banned}) for the security log. The SIP thread calls in and must never block, while the
 * security log writes to the database synchronously on publish. So the SIP thread only publishes a {@link
 * Pending} event, which this class's own {@link EventBus#subscribeAsync asynchronous} subscriber (queue of 1,000)
 * publishes as the security event on its virtual thread. When the queue is full — the database stalls during an
 * attack that locks hundreds of pairs a second — the event is dropped, counted ({@link #dropped}, the bus logs
 * it at most once a minute) rather than slowing the SIP server.
 *
 * <p>Why a hop and not an asynchronous security log: the log stays synchronous for everybody else, so that a
 * login failure, a configuration change or a reboot is on disk before its request is answered ("write before you
 * report success", see {@link EventBus}); only the SIP thread cannot wait for the database. Thread-safe.
 */
final class SipSecurityEvents implements SipAuthListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipSecurityEvents.class);
    /** The security log's user name column. */
    private static final int MAX_USERNAME = 64;

    private static final int QUEUE = 1_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** A security event on its way from the SIP thread to the security log (never stored itself). */
    private record Pending(SecurityEvent event) implements Event {
        @Override
        public String topic() {
            return "sip/security-pending";
        }
    }

    private final EventBus bus;
    private final EventBus.AsyncSubscription hop;

    SipSecurityEvents(EventBus bus) {
        this.bus = bus;
        this.hop = bus.subscribeAsync(Pending.class, "sip/security-pending", QUEUE, p -> log(p.event()));
    }

    @Override
    public void onLocked(String account, String sourceIp, int failures, Instant until) {
        String user = account.length() > MAX_USERNAME ? account.substring(0, MAX_USERNAME) : account;
        publish(new SecurityEvent.SipLocked(
                user,
                sourceIp,
                "SIP digest: " + failures + " wrong passwords, account locked for this address until " + until));
    }

    @Override
    public void onBanned(String sourceIp, int requests, Instant until) {
        publish(new SecurityEvent.SipBanned(
                "",
                sourceIp,
                "SIP flood: more than " + (requests - 1)
                        + " unauthenticated requests in one second, address ignored until " + until));
    }

    private void publish(SecurityEvent event) {
        bus.publish(new Pending(event));
    }

    private void log(SecurityEvent event) {
        try {
            LOG.warn("{} {}: {}", event.topic(), event.source(), event.detail());
            bus.publish(event);
        } catch (RuntimeException e) {
            LOG.error("could not write {} to the security log: {}", event.topic(), e.toString());
        }
    }

    /** Events dropped because the queue was full. */
    long dropped() {
        return hop.dropped();
    }

    @Override
    public void close() {
        try {
            hop.closeAfterDelivering(CLOSE_TIMEOUT); // what is queued still reaches the log
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down anyway: keep the interrupt for the caller
        }
    }
}
