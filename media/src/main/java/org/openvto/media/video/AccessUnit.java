package org.openvto.media.video;

import java.util.List;

/**
 * One encoded H.264 picture: its NAL units without start codes, in decoding order.
 *
 * @param nals the NAL units; a key frame's list starts with SPS and PPS (the RTSP server and calls send them in-band
 *     before each IDR, RFC 6184 §8.4), then the IDR slices
 * @param micros presentation time on the source's media clock, microseconds, monotonic per stream
 * @param keyFrame whether the picture is an IDR (a decoder can start here)
 * @param capturedNanos {@link System#nanoTime()} when the source produced it (latency metrics only)
 */
public record AccessUnit(List<byte[]> nals, long micros, boolean keyFrame, long capturedNanos) {
    public AccessUnit {
        nals = List.copyOf(nals);
        if (nals.isEmpty()) {
            throw new IllegalArgumentException("an access unit has at least one NAL unit");
        }
    }

    /** Total payload bytes (without start codes). */
    public int size() {
        int n = 0;
        for (byte[] nal : nals) {
            n += nal.length;
        }
        return n;
    }
}
