package org.openvto.media.video.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * What a source shows as its measured frame rate and encoder CPU share: pictures per second and CPU time per wall
 * time over a sliding window (the last {@code window}, at least two pictures). Not thread-safe: the owner calls it
 * under its own lock.
 */
public final class RateMeter {
    private record Sample(Instant at, long cpuNanos) {}

    private final Duration window;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    public RateMeter(Duration window) {
        this.window = window;
    }

    /**
     * One picture delivered at {@code now}; {@code cpuNanos} is the producer's cumulative CPU time then (any
     * origin, monotonic), or negative when it cannot be measured.
     */
    public void record(Instant now, long cpuNanos) {
        samples.addLast(new Sample(now, cpuNanos));
        while (samples.size() > 2
                && Duration.between(samples.peekFirst().at, now).compareTo(window) > 0) {
            samples.removeFirst();
        }
    }

    /** Pictures per second over the window; 0 with fewer than two. */
    public double perSecond() {
        long nanos = spanNanos();
        return nanos <= 0 ? 0 : (samples.size() - 1) * 1e9 / nanos;
    }

    /** CPU time over wall time in the window, percent of one core; negative when unknown. */
    public double cpuPercent() {
        long nanos = spanNanos();
        if (nanos <= 0 || samples.peekFirst().cpuNanos < 0 || samples.peekLast().cpuNanos < 0) {
            return -1;
        }
        return Math.max(0, samples.peekLast().cpuNanos - samples.peekFirst().cpuNanos) * 100.0 / nanos;
    }

    public void clear() {
        samples.clear();
    }

    private long spanNanos() {
        return samples.size() < 2
                ? 0
                : Duration.between(samples.peekFirst().at, samples.peekLast().at)
                        .toNanos();
    }
}
