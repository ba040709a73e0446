package org.openvto.testkit;

import java.time.Duration;

/** A point in time for polling loops: {@link #check} throws {@link AssertionError} with the given message once passed. */
public record Deadline(long nanos) {
    public static Deadline in(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    public boolean passed() {
        return System.nanoTime() - nanos > 0;
    }

    /** Throws {@code AssertionError(message)} if the deadline has passed. */
    public void check(String message) {
        if (passed()) {
            throw new AssertionError(message);
        }
    }
}
