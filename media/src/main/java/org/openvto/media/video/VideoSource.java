package org.openvto.media.video;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * One encoded H.264 stream (the main or the sub stream of the door camera): the built-in test camera, an external
 * encoder command, or a relayed RTSP camera.
 *
 * <p><b>Demand.</b> A source encodes only between {@link #start} and {@link #stop}; {@link EncodedStream} calls them
 * when the first viewer arrives and the last one leaves. {@code start} and {@code stop} return at once (work runs
 * on the source's own thread) and never throw: failures show in {@link #status()}, and a failed source retries on
 * its own with back-off.
 *
 * <p><b>Threading.</b> Access units reach the sink on the source's single producer thread, in order. The sink must
 * not block (hand off, or drop); a slow sink slows only the source's thread, never a network thread.
 */
public interface VideoSource extends AutoCloseable {
    /** Begins producing access units into {@code sink}; the first one is a key frame. */
    void start(Consumer<AccessUnit> sink);

    /** Stops producing; no access unit reaches the sink after this returns. */
    void stop();

    /** The stream's format once known: at once for the test camera, after the first SPS/PPS for the others. */
    Optional<StreamFormat> format();

    /** Current state for the console. */
    SourceStatus status();

    /**
     * The current picture as a JPEG at the stream's resolution, if one can be had: the test camera draws its scene
     * (without encoding); other sources decode the latest key frame. Empty before the first picture.
     */
    Optional<byte[]> snapshotJpeg();

    /**
     * The producer's share of one core over the last seconds, percent (encoding for the test camera, the process for
     * an external command); 0 while idle, negative when the source cannot measure it.
     */
    default double cpuPercent() {
        return -1;
    }

    /** Stops and releases threads and processes. */
    @Override
    void close();
}
