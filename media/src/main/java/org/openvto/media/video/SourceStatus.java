package org.openvto.media.video;

import java.time.Instant;
import java.util.Optional;

/**
 * What a source reports instead of throwing: shown on the Video &amp; Audio page and in the API.
 *
 * @param state where the source is
 * @param detail a human-readable reason or the last error line of an external command ("" when none)
 * @param since when the state was entered
 * @param measuredFps frames per second over the last few seconds (0 when idle)
 * @param restarts how many times the source was restarted after a failure
 */
public record SourceStatus(State state, String detail, Instant since, double measuredFps, long restarts) {
    /** A source's state. */
    public enum State {
        /** Nobody watches: nothing is encoded (encode on demand). */
        IDLE,
        /** Producing pictures. */
        RUNNING,
        /** Failed; will be started again after a back-off. */
        RESTARTING,
        /** Failed and will not retry until reconfigured (bad command, bad URL). */
        FAILED
    }

    public Optional<String> error() {
        return state == State.RUNNING || state == State.IDLE || detail.isEmpty()
                ? Optional.empty()
                : Optional.of(detail);
    }
}
