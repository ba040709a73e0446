package org.openvto.sip.transport;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One warning line per period at most, with the number of similar events suppressed since the last line: a
 * flood of malformed or hostile messages must not flood the log (the 200 crafted INVITEs wrote 450 KB
 * of stack traces). Stack traces go to DEBUG only. Thread-safe.
 */
public final class RateLimitedLog {
    private final Logger log;
    private final long periodNanos;
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger log, java.time.Duration period) {
        this.log = log;
        this.periodNanos = period.toNanos();
    }

    /** Logs {@code message} (with SLF4J {@code {}} arguments) at WARN unless a line went out within the period. */
    public void warn(String message, Object... args) {
        long now = System.nanoTime();
        long next = nextAt.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextAt.compareAndSet(next, now + periodNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long skipped = suppressed.getAndSet(0);
        log.warn(skipped == 0 ? message : message + " (" + skipped + " similar suppressed)", args);
    }

    /** Like {@link #warn} for an exception: its message in the line, the stack trace only at DEBUG. */
    public void warn(String context, Object source, Throwable e) {
        warn("{} from {}: {}", context, source, String.valueOf(e));
        log.debug("{} from {}", context, source, e);
    }
}
