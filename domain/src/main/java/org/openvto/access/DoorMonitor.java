package org.openvto.access;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openvto.alarm.AlarmService;
import org.openvto.alarm.AlarmType;

/**
 * Watches door 1's sensor (Quick Start Guide 1.2 "door sensor alarm"), as an explicit state machine:
 *
 * <pre>
 *   CLOSED --opened, lock released or exit button within the window--> OPEN
 *   CLOSED --opened otherwise--> OPEN, raises "forced open"
 *   OPEN --check duration passes--> HELD_OPEN, raises "door not closed"
 *   OPEN | HELD_OPEN --closed--> CLOSED (ends "door not closed")
 * </pre>
 *
 * An opening is authorised while the lock is energized (until the Unlock Period ends) and for {@link #GRACE}
 * after it, the time a person needs to push the door. With Door Sensor Enable off every event is ignored. Timers
 * on the injected scheduler. Thread-safe (one lock).
 */
public final class DoorMonitor {
    /** After the lock releases, an opening still counts as authorised for this long. */
    public static final Duration GRACE = Duration.ofSeconds(3);

    public enum State {
        CLOSED,
        OPEN,
        HELD_OPEN
    }

    /** What the monitor is told. */
    public sealed interface Input {
        /** The lock was energized (or the exit button pressed) at {@code at} until {@code until}. */
        record Unlocked(Instant at, Instant until) implements Input {}

        record SensorOpened(Instant at) implements Input {}

        record SensorClosed(Instant at) implements Input {}

        /** The check-duration timer of opening number {@code generation} ran out. */
        record CheckExpired(long generation) implements Input {}
    }

    private final Supplier<AccessSettings> settings;
    private final AlarmService alarms;
    private final ScheduledExecutorService scheduler;
    private State state = State.CLOSED;
    private Instant authorisedUntil = Instant.MIN;
    private long generation;
    private ScheduledFuture<?> check;

    public DoorMonitor(Supplier<AccessSettings> settings, AlarmService alarms, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.alarms = alarms;
        this.scheduler = scheduler;
    }

    public synchronized State state() {
        return state;
    }

    public void on(Input input) {
        AccessSettings s = settings.get();
        AlarmType raise = null;
        boolean ended = false;
        synchronized (this) {
            if (input instanceof Input.Unlocked u) {
                authorisedUntil = u.until().plus(GRACE);
                return;
            }
            if (!s.doorSensorEnabled()) {
                state = State.CLOSED;
                cancelCheck();
                return;
            }
            switch (state) {
                case CLOSED -> {
                    if (input instanceof Input.SensorOpened o) {
                        state = State.OPEN;
                        startCheck(s.doorSensorCheck());
                        if (o.at().isAfter(authorisedUntil) && s.forcedOpenAlarm()) {
                            raise = AlarmType.FORCED_OPEN;
                        }
                    }
                }
                case OPEN, HELD_OPEN -> {
                    if (input instanceof Input.SensorClosed) {
                        ended = state == State.HELD_OPEN;
                        state = State.CLOSED;
                        cancelCheck();
                    } else if (input instanceof Input.CheckExpired e
                            && e.generation() == generation
                            && state == State.OPEN) {
                        state = State.HELD_OPEN;
                        if (s.doorNotClosedAlarm()) {
                            raise = AlarmType.DOOR_NOT_CLOSED;
                        }
                    }
                }
            }
        }
        // alarms are stored and announced outside the lock: the monitor never waits on the database while locked
        if (raise == AlarmType.FORCED_OPEN) {
            alarms.raise(raise, "Door 1 opened with no unlock and no exit button", "");
        } else if (raise == AlarmType.DOOR_NOT_CLOSED) {
            alarms.raise(raise, "Door 1 open longer than " + s.doorSensorCheck().toSeconds() + " s", "");
        }
        if (ended) {
            alarms.conditionEnded(AlarmType.DOOR_NOT_CLOSED);
        }
    }

    private void startCheck(Duration d) {
        cancelCheck();
        long g = ++generation;
        check = scheduler.schedule(() -> on(new Input.CheckExpired(g)), d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelCheck() {
        generation++;
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
