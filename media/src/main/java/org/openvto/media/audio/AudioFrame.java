package org.openvto.media.audio;

/**
 * One 20 ms frame of G.711 A-law audio: 160 samples at 8,000 Hz, one byte each.
 *
 * @param alaw the encoded samples ({@link AudioSource#FRAME_BYTES} bytes); not copied, never changed after delivery
 * @param micros the first sample's time on the source's clock, microseconds, increasing by 20,000 a frame
 */
public record AudioFrame(byte[] alaw, long micros) {
    public AudioFrame {
        if (alaw.length != AudioSource.FRAME_BYTES) {
            throw new IllegalArgumentException(
                    "an A-law frame is " + AudioSource.FRAME_BYTES + " bytes: " + alaw.length);
        }
    }
}
