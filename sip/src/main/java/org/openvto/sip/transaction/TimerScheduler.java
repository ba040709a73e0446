package org.openvto.sip.transaction;

import java.time.Duration;

/**
 * Schedules transaction timers. Production code uses the transport's event loop; tests use a fake that
 * moves time by hand, so timers are tested without sleeping. Implementations must run tasks one at a
 * time per transaction (the transactions are not thread-safe on their own).
 */
public interface TimerScheduler {
    /** Runs {@code task} after {@code delay}; the handle cancels it. */
    Handle schedule(Duration delay, Runnable task);

    /** A scheduled timer. */
    interface Handle {
        void cancel();
    }
}
