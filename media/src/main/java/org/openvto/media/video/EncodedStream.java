package org.openvto.media.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
 */
public final class EncodedStream implements AutoCloseable {
    /** The most access units the cache holds; a source whose key-frame interval is longer is replayed from the tail. */
    public static final int MAX_GOP = 300;

    private final VideoSource source;
    private final CopyOnWriteArrayList<Consumer<AccessUnit>> viewers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final List<AccessUnit> gop = new ArrayList<>();
    private boolean gopComplete; // the cache starts with a key frame
    private long delivered;

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
            source.start(this::publish);
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

    private void publish(AccessUnit unit) {
        synchronized (lock) {
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

    @Override
    public void close() {
        viewers.clear();
        source.close();
    }
}
