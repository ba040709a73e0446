package org.openvto.media.h264;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The H.264 Annex-B byte stream (ITU-T H.264 Annex B): NAL units each preceded by a 3-byte ({@code 00 00 01}) or
 * 4-byte ({@code 00 00 00 01}) start code, as encoders such as ffmpeg and JCodec write it. Stateless, thread-safe.
 */
public final class AnnexB {
    private AnnexB() {}

    /**
     * The NAL units of {@code stream}, without their start codes; bytes before the first start code are dropped
     * (a stream joined mid-way) and trailing zero bytes of a unit (the next 4-byte start code's first zero, or
     * trailing_zero_8bits) are not part of it. Empty units are left out. Never throws.
     */
    public static List<byte[]> split(byte[] stream) {
        List<byte[]> units = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < stream.length) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    add(units, stream, start, i);
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0) {
            add(units, stream, start, stream.length);
        }
        return units;
    }

    private static void add(List<byte[]> units, byte[] stream, int from, int to) {
        int end = to;
        while (end > from && stream[end - 1] == 0) {
            end--;
        }
        if (end > from) {
            units.add(Arrays.copyOfRange(stream, from, end));
        }
    }

    /** The NAL unit type (the low 5 bits of its first byte): 5 IDR slice, 7 SPS, 8 PPS, 1 non-IDR slice… */
    public static int type(byte[] nal) {
        return nal.length == 0 ? -1 : nal[0] & 0x1F;
    }
}
