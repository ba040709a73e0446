package org.openvto.web;

import java.util.List;
import java.util.Optional;

/**
 * The door camera as the console sees it (the application supplies it from its video sources).
 *
 * <p>Threading: called on request threads; {@link #snapshotJpeg} may take tens of milliseconds (drawing or
 * decoding a picture), never longer than a second; {@link #status} returns at once.
 */
public interface Camera {
    /** The stream names the API accepts. */
    enum Stream {
        MAIN,
        SUB
    }

    /**
     * What one stream is doing now, for the Video &amp; Audio page and {@code /api/v1/video/status}.
     *
     * @param stream main or sub
     * @param source the source's label (test camera, the command's program, the relayed host)
     * @param state idle, running, restarting or failed (lower case)
     * @param detail the reason or the last error line; "" when none
     * @param since when the source entered its state (a stream whose settings did not change keeps it)
     * @param width pixels, 0 before the format is known
     * @param height pixels, 0 before the format is known
     * @param measuredFps pictures per second over the last seconds
     * @param cpuPercent the encoder's share of one core over the last seconds, negative when not measurable
     * @param restarts restarts after failures
     * @param viewers RTSP sessions and calls receiving the stream
     */
    record StreamStatus(
            Stream stream,
            String source,
            String state,
            String detail,
            java.time.Instant since,
            int width,
            int height,
            double measuredFps,
            double cpuPercent,
            long restarts,
            int viewers) {}

    /** The current picture of {@code stream} as a JPEG at that stream's resolution; empty before the first one. */
    Optional<byte[]> snapshotJpeg(Stream stream);

    /** Both streams' status, main first. */
    List<StreamStatus> status();

    /** No camera (tests of other features). */
    Camera NONE = new Camera() {
        @Override
        public Optional<byte[]> snapshotJpeg(Stream stream) {
            return Optional.empty();
        }

        @Override
        public List<StreamStatus> status() {
            return List.of();
        }
    };
}
