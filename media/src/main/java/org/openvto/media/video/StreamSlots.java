package org.openvto.media.video;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The device-wide limit on concurrent outgoing video streams (Quick Start Guide 1.2 "support maximum 6-channel video
 * stream"), shared by RTSP viewers, monitor sessions and calls. Thread-safe and lock-free.
 */
public final class StreamSlots {
    private final AtomicInteger used = new AtomicInteger();
    private volatile int limit;

    public StreamSlots(int limit) {
        setLimit(limit);
    }

    /** Takes a slot if one is free; a {@code true} must be paired with exactly one {@link #release()}. */
    public boolean tryAcquire() {
        while (true) {
            int now = used.get();
            if (now >= limit) {
                return false;
            }
            if (used.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    public void release() {
        if (used.decrementAndGet() < 0) {
            used.incrementAndGet();
            throw new IllegalStateException("released more stream slots than were acquired");
        }
    }

    /** A new limit applies to the next acquisition; streams already running are not cut. */
    public void setLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the stream limit must be at least 1");
        }
        this.limit = limit;
    }

    public int used() {
        return used.get();
    }

    public int limit() {
        return limit;
    }
}
