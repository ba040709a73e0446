package org.openvto.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The keypad's defence against guessing: after {@code threshold} wrong passwords in a row the keypad takes no
 * password for {@code duration} (Issue: 5 and 5 minutes by default); a right password resets the count. Because
 * of this lock a PIN of 4–8 digits may be stored with a fast keyed hash: guessing is limited by the keypad, not by
 * the hash. Thread-safe.
 */
public final class KeypadLockout {
    private final Clock clock;
    private final java.util.function.IntSupplier threshold;
    private final java.util.function.Supplier<Duration> duration;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    public KeypadLockout(Clock clock, int threshold, Duration duration) {
        this(clock, () -> threshold, () -> duration);
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
    }

    /** With the threshold and duration read at each wrong password (Access Control settings, live). */
    public KeypadLockout(
            Clock clock, java.util.function.IntSupplier threshold, java.util.function.Supplier<Duration> duration) {
        this.clock = clock;
        this.threshold = threshold;
        this.duration = duration;
    }

    /** Until when the keypad is locked, if it is now. */
    public synchronized Optional<Instant> lockedUntil() {
        return clock.instant().isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /** Counts a wrong password; returns the end of the lock when this one locked the keypad. */
    public synchronized Optional<Instant> wrong() {
        if (lockedUntil().isPresent()) {
            return Optional.empty();
        }
        failures++;
        if (failures < Math.max(1, threshold.getAsInt())) {
            return Optional.empty();
        }
        failures = 0;
        lockedUntil = clock.instant().plus(duration.get());
        return Optional.of(lockedUntil);
    }

    public synchronized void right() {
        failures = 0;
    }
}
