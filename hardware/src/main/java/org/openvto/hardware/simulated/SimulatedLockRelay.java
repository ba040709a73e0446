package org.openvto.hardware.simulated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openvto.facade.io.LockRelay;
import org.openvto.facade.io.ModuleStatus;

/**
 * A lock relay of the camera module's user port, without a relay: it keeps the state a real one would have — a
 * pulse releases after its time on the injected scheduler, a new pulse or a hold replaces it — and reports each
 * change. Thread-safe.
 */
public final class SimulatedLockRelay implements LockRelay {
    private final int number;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Runnable changed;
    private State state = State.RELEASED;
    private ScheduledFuture<?> pending;
    /** Bumped by every pulse, hold and release: a pulse's end that fires late finds a newer value and does nothing. */
    private long generation;

    /** @param changed called after every change of state (outside any lock of the caller) */
    public SimulatedLockRelay(int number, Clock clock, ScheduledExecutorService scheduler, Runnable changed) {
        this.number = number;
        this.clock = clock;
        this.scheduler = scheduler;
        this.changed = changed;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public void pulse(Duration duration) {
        synchronized (this) {
            cancelPending();
            Instant until = clock.instant().plus(duration);
            state = new State(true, Optional.of(until));
            long due = generation;
            pending = scheduler.schedule(() -> endOfPulse(due), duration.toMillis(), TimeUnit.MILLISECONDS);
        }
        changed.run();
    }

    @Override
    public void hold() {
        synchronized (this) {
            cancelPending();
            state = new State(true, Optional.empty());
        }
        changed.run();
    }

    @Override
    public void release() {
        synchronized (this) {
            cancelPending();
            state = State.RELEASED;
        }
        changed.run();
    }

    private void endOfPulse(long due) {
        synchronized (this) {
            if (due != generation) {
                return;
            }
            pending = null;
            state = State.RELEASED;
        }
        changed.run();
    }

    private void cancelPending() {
        generation++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    @Override
    public synchronized State state() {
        return state;
    }

    @Override
    public ModuleStatus status() {
        return ModuleStatus.ONLINE;
    }
}
