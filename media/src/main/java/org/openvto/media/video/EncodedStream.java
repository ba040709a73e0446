package org.openvto.media.video;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Encode once, fan out to every viewer: one {@link VideoSource} feeding any number of viewers (RTSP sessions, calls).
 *
 * <p><b>Demand.</b> The source is started when the first viewer subscribes and stopped when the last one leaves, so
 * an unwatched test camera encodes nothing.
 *
 * <p><b>GOP cache.</b> The access units since the latest key frame are kept (at most {@link #MAX_GOP} of them); a new
 * viewer receives them at once, so it can decode without waiting for the next key frame.
 *
 * <p><b>Threading.</b> {@link #subscribe} and {@link Subscription#close} may be called from any thread. Viewers are
 * called on the source's producer thread (and, for the cache replay, on the subscribing thread, before any live
 * unit); they must not block. A viewer that throws is removed: one broken viewer never stops the others.
 *
 * <p><b>Switching sources.</b> {@link #replaceSource} changes the source under running viewers (new settings on the
 * Video &amp; Audio page): the old source is stopped and closed, the cache emptied, and the viewers go on with the
 * new source's first key frame, which carries its SPS and PPS in band (RFC 6184 §8.4), so players follow a change
 * of resolution without reconnecting. Timestamps are re-based to continue from the last published one.
 */
public final class EncodedStream implements AutoCloseable {
    /** The most access units the cache holds; a source whose key-frame interval is longer is replayed from the tail. */
    public static final int MAX_GOP = 300;

    /** The gap put between the last picture of a replaced source and the first of the new one. */
    static final long SWITCH_GAP_MICROS = 100_000;

    private volatile VideoSource source; // written under lock
    private final CopyOnWriteArrayList<Consumer<AccessUnit>> viewers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object(); // the cache, the viewers, the timestamps: held while publishing
    private final Object lifecycle =
            new Object(); // orders start, stop and replace of the source; never while publishing
    private final List<AccessUnit> gop = new ArrayList<>();
    private boolean gopComplete; // the cache starts with a key frame
    private long delivered;
    private long lastMicros = Long.MIN_VALUE; // as published, after re-basing
    private long offsetMicros; // added to the current source's timestamps
    private boolean rebase; // the next unit sets offsetMicros

    public EncodedStream(VideoSource source) {
        this.source = source;
    }

    /** A viewer's subscription; closing it twice is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Adds a viewer; it receives the cached group of pictures first, then every new access unit. */
    public Subscription subscribe(Consumer<AccessUnit> viewer) {
        synchronized (lifecycle) {
            boolean first;
            synchronized (lock) {
                if (gopComplete) {
                    for (AccessUnit cached : gop) {
                        viewer.accept(cached);
                    }
                }
                viewers.add(viewer);
                first = viewers.size() == 1;
            }
            if (first) {
                start(source);
            }
        }
        return new Subscription() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                }
                unsubscribe(viewer);
            }
        };
    }

    private void unsubscribe(Consumer<AccessUnit> viewer) {
        synchronized (lifecycle) {
            boolean last;
            synchronized (lock) {
                last = viewers.remove(viewer) && viewers.isEmpty();
                if (last) {
                    gop.clear(); // a stopped source's pictures are stale by the next start
                    gopComplete = false;
                }
            }
            if (last) {
                source.stop();
            }
        }
    }

    private void start(VideoSource from) {
        from.start(unit -> publish(from, unit));
    }

    /**
     * Replaces the source (see the class comment); the old one is closed. With viewers, the new source is started at
     * once. Returns after the old source is stopped: no unit of it is published afterwards.
     */
    public void replaceSource(VideoSource next) {
        synchronized (lifecycle) {
            VideoSource old;
            boolean watched;
            synchronized (lock) {
                old = source;
                source = next;
                gop.clear();
                gopComplete = false;
                rebase = true;
                watched = !viewers.isEmpty();
            }
            old.stop();
            old.close();
            if (watched) {
                start(next);
            }
        }
    }

    private void publish(VideoSource from, AccessUnit unit) {
        synchronized (lock) {
            if (from != source) {
                return; // a replaced source's last unit, racing its stop
            }
            if (rebase) {
                rebase = false;
                offsetMicros = lastMicros == Long.MIN_VALUE ? 0 : lastMicros + SWITCH_GAP_MICROS - unit.micros();
            }
            if (offsetMicros != 0) {
                unit = new AccessUnit(unit.nals(), unit.micros() + offsetMicros, unit.keyFrame(), unit.capturedNanos());
            }
            lastMicros = unit.micros();
            if (unit.keyFrame()) {
                gop.clear();
                gopComplete = true;
            }
            if (gopComplete) {
                if (gop.size() == MAX_GOP) {
                    gop.remove(1); // keep the key frame, drop the oldest picture after it
                }
                gop.add(unit);
            }
            delivered++;
            for (Consumer<AccessUnit> viewer : viewers) {
                try {
                    viewer.accept(unit);
                } catch (RuntimeException broken) {
                    viewers.remove(viewer);
                }
            }
        }
    }

    /** Viewers subscribed now. */
    public int viewers() {
        return viewers.size();
    }

    /** Access units published since creation. */
    public long published() {
        synchronized (lock) {
            return delivered;
        }
    }

    public VideoSource source() {
        return source;
    }

    public Optional<StreamFormat> format() {
        return source.format();
    }

    /**
     * The format, waiting for it when the source learns it from its stream (an external encoder, a relayed camera):
     * a temporary viewer starts the source, and the future completes with the first unit after which the format is
     * known, or empty after {@code timeout} (timed by {@code timer}). The temporary viewer then leaves; a source that
     * nobody else watches stops again.
     */
    public CompletableFuture<Optional<StreamFormat>> formatWithin(Duration timeout, ScheduledExecutorService timer) {
        Optional<StreamFormat> now = format();
        if (now.isPresent()) {
            return CompletableFuture.completedFuture(now);
        }
        CompletableFuture<Optional<StreamFormat>> result = new CompletableFuture<>();
        AtomicReference<Subscription> probe = new AtomicReference<>();
        Subscription s = subscribe(unit -> {
            Optional<StreamFormat> f = format();
            if (f.isPresent()) {
                result.complete(f);
            }
        });
        probe.set(s);
        var timeoutTask = timer.schedule(() -> result.complete(format()), timeout.toNanos(), TimeUnit.NANOSECONDS);
        // leave off the producer thread: unsubscribing may stop the source, which waits for that thread
        result.whenCompleteAsync(
                (f, e) -> {
                    timeoutTask.cancel(false);
                    probe.get().close();
                },
                timer);
        if (format().isPresent()) {
            result.complete(format());
        }
        return result;
    }

    @Override
    public void close() {
        viewers.clear();
        source.close();
    }
}
