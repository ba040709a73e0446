package org.openvto.media.audio.internal;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openvto.media.audio.AudioFrame;
import org.openvto.media.audio.AudioSource;

/**
 * The listeners of one audio source, with demand: {@code start} runs when the first subscribes, {@code stop} when the
 * last leaves (both under one lock, so they alternate). {@link #publish} calls every listener; one that throws is
 * removed.
 */
public final class FanOut {
    private final CopyOnWriteArrayList<Consumer<AudioFrame>> listeners = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();
    private final Runnable start;
    private final Runnable stop;

    public FanOut(Runnable start, Runnable stop) {
        this.start = start;
        this.stop = stop;
    }

    public AudioSource.Subscription subscribe(Consumer<AudioFrame> listener) {
        synchronized (lifecycle) {
            listeners.add(listener);
            if (listeners.size() == 1) {
                start.run();
            }
        }
        return new AudioSource.Subscription() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (lifecycle) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    if (listeners.remove(listener) && listeners.isEmpty()) {
                        stop.run();
                    }
                }
            }
        };
    }

    public int size() {
        return listeners.size();
    }

    public void publish(AudioFrame frame) {
        for (Consumer<AudioFrame> l : listeners) {
            try {
                l.accept(frame);
            } catch (RuntimeException broken) {
                listeners.remove(l);
            }
        }
    }

    /** Forgets every listener (the source closes). */
    public void clear() {
        listeners.clear();
    }
}
