package org.openvto.media.h264;

/**
 * The lowest H.264 level a stream of a given size and rate conforms to (ITU-T H.264 Table A-1: MaxFS frame size and
 * MaxMBPS macroblock rate; bit rate is not considered), and the SPS rewrite that declares it. An encoder that
 * always declares a high level (JCodec writes level 4.0 for any size) makes indoor monitors that decode level 3.1
 * refuse its video in the SDP offer/answer (RFC 6184 §8.2.2) although they could decode it.
 */
public final class H264Level {
    /** level_idc, MaxFS (macroblocks), MaxMBPS (macroblocks a second), in ascending order. */
    private static final int[][] LEVELS = {
        {10, 99, 1485},
        {11, 396, 3000},
        {12, 396, 6000},
        {13, 396, 11880},
        {20, 396, 11880},
        {21, 792, 19800},
        {22, 1620, 20250},
        {30, 1620, 40500},
        {31, 3600, 108000},
        {32, 5120, 216000},
        {40, 8192, 245760},
        {42, 8704, 522240},
        {50, 22080, 589824},
        {51, 36864, 983040},
    };

    private H264Level() {}

    /** The lowest level_idc (31 for 3.1) for {@code width}×{@code height} at {@code fps}; 51 when none is lower. */
    public static int levelIdc(int width, int height, int fps) {
        int mbWidth = (width + 15) / 16;
        int mbHeight = (height + 15) / 16;
        long frame = (long) mbWidth * mbHeight;
        long rate = frame * fps;
        for (int[] l : LEVELS) {
            // A.3.1 also bounds each side: at most sqrt(8 · MaxFS) macroblocks
            double side = Math.sqrt(8.0 * l[1]);
            if (frame <= l[1] && rate <= l[2] && mbWidth <= side && mbHeight <= side) {
                return l[0];
            }
        }
        return 51;
    }

    /**
     * {@code sps} (a NAL unit with its header) with constraint_set0 and constraint_set1 flags set — Constrained
     * Baseline (A.2.1.1), which a Baseline stream without FMO, ASO and redundant slices is — and {@code levelIdc};
     * a copy, or {@code sps} itself when it is not a Baseline SPS (profile_idc 66).
     */
    public static byte[] asConstrainedBaseline(byte[] sps, int levelIdc) {
        if (sps.length < 4 || (sps[0] & 0x1f) != 7 || (sps[1] & 0xff) != 66) {
            return sps;
        }
        byte[] out = sps.clone();
        out[2] = (byte) (out[2] | 0xc0);
        out[3] = (byte) levelIdc;
        return out;
    }
}
