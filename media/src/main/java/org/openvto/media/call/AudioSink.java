package org.openvto.media.call;

/**
 * Where the answering party's audio goes after the jitter buffer: the door station's loudspeaker, or a meter on a
 * PC. Called on the call's scheduler thread, one packet's samples at a time, in playout order; must not block (hand
 * the samples to a device queue) and should not throw (a thrown exception is logged and the call goes on).
 */
public interface AudioSink {
    /** Samples of one packet, 8,000 Hz mono 16-bit linear (decoded from PCMU or PCMA); the array is the sink's. */
    void play(short[] samples);

    /** A packet that never arrived (or arrived too late) at its playout time: {@code samples} of nothing to play. */
    default void lost(int samples) {}
}
