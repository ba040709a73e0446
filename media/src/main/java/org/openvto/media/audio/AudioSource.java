package org.openvto.media.audio;

import java.util.function.Consumer;
import org.openvto.media.video.SourceStatus;

/**
 * A microphone: 20 ms frames of G.711 A-law (PCMA, payload type 8, 8,000 Hz), paced by the source itself (its own
 * thread or scheduler, or the capture device). Runs on demand: from the first subscriber to the last one leaving.
 *
 * <p><b>Threading.</b> {@link #subscribe} and {@link Subscription#close} may be called from any thread. Listeners are
 * called on the source's thread, one frame at a time; they must not block. A listener that throws is removed.
 */
public interface AudioSource extends AutoCloseable {
    /** RTP payload type of PCMA (RFC 3551 Table 4). */
    int PAYLOAD_TYPE = 8;

    int CLOCK_RATE = 8000;
    /** 20 ms at 8,000 samples a second, one byte a sample. */
    int FRAME_BYTES = 160;

    long FRAME_MICROS = 20_000;

    /** A listener's subscription; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Adds a listener of every frame from now on; the first one starts the source. */
    Subscription subscribe(Consumer<AudioFrame> listener);

    /** Listeners subscribed now. */
    int listeners();

    /** What the source is doing (frames a second in {@code measuredFps}: 50 while running). */
    SourceStatus status();

    @Override
    void close();
}
