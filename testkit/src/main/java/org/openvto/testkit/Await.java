package org.openvto.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in integration tests for something another process does (a port opens, a peer logs a line, a
 * file appears): the condition is checked until it holds or the deadline passes, never a fixed sleep that
 * hopes the other side was quick enough. Unit tests use a {@link ManualClock} or a fake scheduler instead.
 */
public final class Await {
    private static final long POLL_MILLIS = 20;

    private Await() {}

    /** Returns once {@code condition} holds; throws {@link AssertionError} naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(POLL_MILLIS); // between checks of a real signal, not instead of one
        }
    }
}
