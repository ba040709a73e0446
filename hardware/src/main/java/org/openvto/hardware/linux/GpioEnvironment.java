package org.openvto.hardware.linux;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every Linux driver is given: how to open a GPIO chip, the scheduler its timers and reconnect attempts run
 * on, the executor its blocking reader loops run on (one long-running task per input request), the wall clock and
 * how long to wait before trying a missing device again. Immutable.
 */
public record GpioEnvironment(
        GpioChip.Opener opener, ScheduledExecutorService scheduler, Executor readers, Clock clock, Duration retry) {
    public GpioEnvironment {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(readers, "readers");
        Objects.requireNonNull(clock, "clock");
        if (retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("retry must be positive: " + retry);
        }
    }

    /**
     * The real kernel: {@link JnaGpioChip}, one daemon platform thread per reader loop (a blocking native
     * {@code poll} would pin a virtual thread's carrier).
     */
    public static GpioEnvironment linux(ScheduledExecutorService scheduler, Clock clock, Duration retry) {
        Executor readers =
                task -> Thread.ofPlatform().daemon().name("gpio-reader").start(task);
        return new GpioEnvironment(JnaGpioChip::open, scheduler, readers, clock, retry);
    }
}
