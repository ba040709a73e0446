package org.openvto.media.video;

/**
 * A slow viewer's brake: once a picture had to be dropped (its queue was full), every picture up to the next key
 * frame is dropped too, since a decoder cannot use pictures whose references are missing. Counts what it dropped.
 *
 * <p>Not thread-safe: one gate per viewer, used from the thread that feeds that viewer.
 */
public final class ViewerGate {
    private boolean waitingForKeyFrame = true; // a viewer starts at a key frame
    private long dropped;

    /**
     * Whether to send {@code unit}.
     *
     * @param roomForIt whether the viewer's queue can take the picture now (e.g. a Netty channel is writable)
     */
    public boolean admit(AccessUnit unit, boolean roomForIt) {
        if (!roomForIt) {
            waitingForKeyFrame = true;
            dropped++;
            return false;
        }
        if (waitingForKeyFrame && !unit.keyFrame()) {
            dropped++;
            return false;
        }
        waitingForKeyFrame = false;
        return true;
    }

    /** Pictures dropped so far (for a slow viewer, or while waiting for the first key frame). */
    public long dropped() {
        return dropped;
    }
}
