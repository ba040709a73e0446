package org.openvto.media.video.internal;

import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.model.Size;

/**
 * A frame-level bitrate control for JCodec's {@code H264Encoder}, which has none of its own: JCodec's
 * {@code DumbRateControl} only caps each macroblock at the output buffer's share (re-encoding it at a higher QP),
 * which bounds a frame's size but not the stream's rate.
 *
 * <p><b>How the bitrate maps.</b> One QP for the whole picture, chosen before it is encoded. A leaky bucket holds
 * the bits spent minus the bits allowed ({@code bitrate / fps} per frame); after each frame ({@link #frameDone})
 * the QP moves one step up while the bucket is more than a fraction of a second over budget and one step down while
 * it is as far under, within {@link #MIN_QP}…{@link #MAX_QP}. IDR pictures get {@link #IDR_QP_OFFSET} lower QP (they
 * are the reference of the whole group). The rate therefore converges over a few seconds, not per frame; a static
 * scene simply costs fewer bits than allowed.
 *
 * <p>Not thread-safe: used on the encoding thread only. Macroblock-level re-encoding is off ({@link #accept} returns
 * 0), which keeps the encoder's cost at one pass per macroblock.
 */
public final class FrameRateControl implements RateControl {
    public static final int MIN_QP = 20;
    public static final int MAX_QP = 44;
    public static final int IDR_QP_OFFSET = -2;
    private static final int START_QP = 28;

    private final long bitsPerFrame;
    private final long tolerance; // bits the bucket may drift before the QP moves
    private long bucket; // bits spent minus bits allowed
    private int qp = START_QP;

    public FrameRateControl(int bitrateKbps, int fps) {
        this.bitsPerFrame = bitrateKbps * 1000L / fps;
        this.tolerance = bitrateKbps * 1000L / 4; // a quarter second of bitrate
    }

    /** The base QP the next P picture is encoded with. */
    public int qp() {
        return qp;
    }

    @Override
    public int startPicture(Size size, int maxSize, SliceType type) {
        return type == SliceType.I ? Math.max(MIN_QP, qp + IDR_QP_OFFSET) : qp;
    }

    @Override
    public int initialQpDelta() {
        return 0;
    }

    @Override
    public int accept(int bits) {
        return 0;
    }

    /** Reports the size of the picture just encoded, moving the QP for the next one. */
    public void frameDone(int bytes) {
        bucket += bytes * 8L - bitsPerFrame;
        if (bucket > tolerance && qp < MAX_QP) {
            qp++;
        } else if (bucket < -tolerance && qp > MIN_QP) {
            qp--;
        }
        // a static scene under budget must not bank unlimited credit for a later burst
        bucket = Math.max(bucket, -4 * tolerance);
    }
}
