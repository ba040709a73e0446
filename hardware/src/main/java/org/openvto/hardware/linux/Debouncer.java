package org.openvto.hardware.linux;

import java.util.Optional;

/**
 * Software debounce on the kernel's edge timestamps (not on when the edges are read, which a busy machine
 * delays): a burst of edges whose gaps are all shorter than the window is one change, accepted when the line has
 * been quiet for the window (seen at the next edge's timestamp or by {@link #settle}, which the driver schedules a
 * window after the last edge), and timestamped with the burst's first edge. A burst that ends where it started
 * (a glitch, a bounce) is no change. Window 0 accepts every change at once. Not thread-safe: the driver
 * synchronizes.
 */
final class Debouncer {
    /** An accepted change of the debounced level. */
    record Change(boolean level, long timestampNanos) {}

    private final long windowNanos;
    private boolean stable;
    private boolean burst;
    private boolean pendingLevel;
    private long burstStart;
    private long lastEdge;

    Debouncer(long windowNanos, boolean initial) {
        this.windowNanos = windowNanos;
        this.stable = initial;
    }

    boolean level() {
        return stable;
    }

    /** Resets to a level read from the line (after a reconnect), dropping any burst in progress. */
    void reset(boolean level) {
        stable = level;
        burst = false;
    }

    /** An edge to {@code level} at {@code timestampNanos}: returns the change it confirms, if any. */
    Optional<Change> edge(boolean level, long timestampNanos) {
        if (windowNanos == 0) {
            return accept(level, timestampNanos);
        }
        Optional<Change> confirmed = Optional.empty();
        // a backwards step (the wall clock was set) also ends the burst rather than extending it forever
        long gap = timestampNanos - lastEdge;
        if (burst && (gap >= windowNanos || gap < 0)) {
            confirmed = settle();
        }
        if (!burst) {
            if (level == stable) {
                lastEdge = timestampNanos;
                return confirmed;
            }
            burst = true;
            burstStart = timestampNanos;
        }
        pendingLevel = level;
        lastEdge = timestampNanos;
        return confirmed;
    }

    /** True while a burst waits for the quiet window. */
    boolean settling() {
        return burst;
    }

    /** The line has been quiet for the window: the burst's final level, if it differs, is the change. */
    Optional<Change> settle() {
        if (!burst) {
            return Optional.empty();
        }
        burst = false;
        return accept(pendingLevel, burstStart);
    }

    private Optional<Change> accept(boolean level, long timestampNanos) {
        if (level == stable) {
            return Optional.empty();
        }
        stable = level;
        return Optional.of(new Change(level, timestampNanos));
    }
}
