package org.openvto.app;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openvto.event.EventBus;
import org.openvto.security.SecurityEvent;
import org.openvto.sip.registrar.SipAuthListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the SIP server's locks and flood bans into {@link SecurityEvent}s ({@code security/sip/locked},
 * {@code security/sip/banned}) for the security log. The SIP thread calls in and must never block, while the
 * security log writes to the database synchronously on publish: so each event is handed to one worker thread
 * through a bounded queue (1,000). When the queue is full — the database stalls during an attack that locks
 * hundreds of pairs a second — the event is dropped, counted ({@link #dropped}) and logged, rather than
 * slowing the SIP server. Thread-safe.
 */
final class SipSecurityEvents implements SipAuthListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipSecurityEvents.class);
    /** The security log's user name column. */
    private static final int MAX_USERNAME = 64;

    private final EventBus bus;
    private final ThreadPoolExecutor worker;
    private final AtomicLong dropped = new AtomicLong();

    SipSecurityEvents(EventBus bus) {
        this.bus = bus;
        this.worker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1_000),
                r -> {
                    Thread t = new Thread(r, "sip-security-log");
                    t.setDaemon(true);
                    return t;
                },
                (task, executor) -> {
                    if (dropped.getAndIncrement() % 1_000
                            == 0) { // one line per thousand: the log must not flood either
                        LOG.warn("security log queue full: SIP lock/ban events dropped ({} so far)", dropped.get());
                    }
                });
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
        worker.execute(() -> {
            try {
                LOG.warn("{} {}: {}", event.topic(), event.source(), event.detail());
                bus.publish(event);
            } catch (RuntimeException e) {
                LOG.error("could not write {} to the security log: {}", event.topic(), e.toString());
            }
        });
    }

    /** Events dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        worker.shutdown(); // what is queued still reaches the log
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down anyway: keep the interrupt for the caller
        }
    }
}
