package org.openvto.media.video.internal;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.common.model.Picture;

/**
 * What JCodec can tell about an external H.264 stream: the picture size from its SPS, and a key frame decoded to an
 * image for snapshots. Baseline and main-profile CAVLC/CABAC progressive streams decode; anything JCodec rejects
 * comes back empty. Stateless, thread-safe (a decoder per call).
 */
public final class H264Pictures {
    private H264Pictures() {}

    /** The cropped picture size coded in {@code sps} (a NAL unit with header, no start code), if it parses. */
    public static Optional<int[]> size(byte[] sps) {
        try {
            SeqParameterSet s = parse(sps);
            int mbsHigh = (s.picHeightInMapUnitsMinus1 + 1) * (s.frameMbsOnlyFlag ? 1 : 2);
            int width = (s.picWidthInMbsMinus1 + 1) * 16;
            int height = mbsHigh * 16;
            if (s.frameCroppingFlag) { // 4:2:0 crop units: 2 pixels across, 2 (frames) or 4 (fields) down
                int unitY = s.frameMbsOnlyFlag ? 2 : 4;
                width -= 2 * (s.frameCropLeftOffset + s.frameCropRightOffset);
                height -= unitY * (s.frameCropTopOffset + s.frameCropBottomOffset);
            }
            return width > 0 && height > 0 ? Optional.of(new int[] {width, height}) : Optional.empty();
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** The key frame {@code nals} (SPS, PPS, IDR slices) decoded, at its cropped size. */
    public static Optional<BufferedImage> decodeKeyFrame(List<byte[]> nals) {
        try {
            byte[] sps =
                    nals.stream().filter(n -> (n[0] & 0x1F) == 7).findFirst().orElseThrow();
            SeqParameterSet s = parse(sps);
            int planeSize = (s.picWidthInMbsMinus1 + 1) * 16 * (s.picHeightInMapUnitsMinus1 + 1) * 32;
            // copies: JCodec unescapes in place, and the units are shared with viewers
            Picture picture = new H264Decoder()
                    .decodeFrameFromNals(
                            nals.stream().map(n -> ByteBuffer.wrap(n.clone())).toList(), new byte[3][planeSize]);
            if (picture == null) {
                return Optional.empty();
            }
            int[] wh = size(sps).orElseThrow();
            return Optional.of(Yuv.toRgb(picture, wh[0], wh[1]));
        } catch (RuntimeException undecodable) { // JCodec throws on streams it does not support
            return Optional.empty();
        }
    }

    private static SeqParameterSet parse(byte[] sps) {
        ByteBuffer payload = ByteBuffer.wrap(sps, 1, sps.length - 1).slice();
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
        H264Utils.unescapeNAL(copy);
        return SeqParameterSet.read(copy);
    }
}
