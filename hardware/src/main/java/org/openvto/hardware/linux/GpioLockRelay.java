package org.openvto.hardware.linux;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openvto.facade.io.LockRelay;
import org.openvto.facade.io.ModuleStatus;

/**
 * A lock relay on one GPIO output line (active = relay energized; set active-low for the common low-level-trigger
 * relay boards). A pulse energizes and schedules the release on the environment's scheduler; a later pulse, hold
 * or release replaces the running timer (a stale timer that fires anyway does nothing). {@link #state} gives the
 * pulse's end from the environment's clock. The relay is released when the driver starts. A missing chip is
 * reported in {@link #status} and retried; the wanted level is applied when the line comes back. Never throws.
 * Thread-safe.
 */
public final class GpioLockRelay implements LockRelay, AutoCloseable {
    private final int number;
    private final GpioEnvironment env;
    private final OutputConnection output;
    private State state = State.RELEASED;
    private ScheduledFuture<?> timer;
    private long generation;

    /** @param number the lock (1 or 2) */
    public GpioLockRelay(int number, LineConfig line, GpioEnvironment env) {
        this.number = number;
        this.env = env;
        this.output = new OutputConnection(env, line, s -> {});
    }

    /** Requests the line (released); returns at once. */
    public void start() {
        output.start();
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public synchronized void pulse(Duration duration) {
        Instant until = env.clock().instant().plus(duration);
        long mine = energize(new State(true, Optional.of(until)));
        timer = env.scheduler().schedule(() -> expire(mine), duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void hold() {
        energize(new State(true, Optional.empty()));
    }

    @Override
    public synchronized void release() {
        cancelTimer();
        state = State.RELEASED;
        output.set(false);
    }

    private long energize(State next) {
        cancelTimer();
        state = next;
        output.set(true);
        return generation;
    }

    private void cancelTimer() {
        generation++;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private synchronized void expire(long which) {
        if (which == generation) {
            release();
        }
    }

    @Override
    public synchronized State state() {
        return state;
    }

    @Override
    public ModuleStatus status() {
        return output.status();
    }

    @Override
    public synchronized void close() {
        release();
        output.close();
    }
}
