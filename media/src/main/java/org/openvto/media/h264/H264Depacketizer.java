package org.openvto.media.h264;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * RFC 6184 receiver: RTP payloads of one H.264 stream (packetization-mode 0 or 1) back into access units.
 *
 * <ul>
 *   <li>Single NAL unit packets (types 1–23, §5.6), STAP-A aggregates (24, §5.7.1) and FU-A fragments (28, §5.8);
 *       STAP-B, MTAP and FU-B (interleaved mode 2) are not supported and dropped as malformed.
 *   <li>An access unit ends at the RTP marker bit, or when the timestamp changes without one (§5.1).
 *   <li><b>Loss.</b> A gap in sequence numbers (reordering counts as loss: a relay has no jitter buffer) drops the
 *       picture being assembled and every picture after it until the next IDR, so a decoder never gets a picture
 *       whose reference is missing. Dropped pictures are counted, as are malformed packets.
 * </ul>
 *
 * <p>Not thread-safe: one receiving thread. Access units reach the sink as NAL units without start codes, with the RTP
 * timestamp (90 kHz) of their packets.
 */
public final class H264Depacketizer {
    /** The largest NAL unit reassembled from fragments; a larger one is malformed input. */
    public static final int MAX_NAL = 4 * 1024 * 1024;

    private final BiConsumer<List<byte[]>, Long> sink;
    private final List<byte[]> unit = new ArrayList<>();
    private long unitTimestamp = -1;
    private int lastSequence = -1;
    private byte[] fragment; // the FU-A being reassembled, or null
    private int fragmentLength;
    private boolean waitForKeyFrame = true;
    private boolean damaged; // the current picture lost a packet
    private long droppedPictures;
    private long malformedPackets;

    public H264Depacketizer(BiConsumer<List<byte[]>, Long> sink) {
        this.sink = sink;
    }

    /** One RTP packet's header fields and payload. */
    public void packet(int sequence, long timestamp, boolean marker, byte[] buf, int off, int len) {
        if (lastSequence >= 0 && sequence != ((lastSequence + 1) & 0xFFFF)) {
            damaged = true;
            waitForKeyFrame = true;
            fragment = null;
        }
        lastSequence = sequence;
        if (unitTimestamp != -1 && timestamp != unitTimestamp && (!unit.isEmpty() || damaged)) {
            finishUnit(); // the previous picture's marker packet was lost or never sent
        }
        unitTimestamp = timestamp;
        if (len < 1) {
            malformed();
        } else {
            payload(buf, off, len);
        }
        if (marker) {
            finishUnit();
        }
    }

    private void payload(byte[] buf, int off, int len) {
        int type = buf[off] & 0x1F;
        if (type >= 1 && type <= 23) {
            unit.add(Arrays.copyOfRange(buf, off, off + len));
        } else if (type == 24) {
            stapA(buf, off + 1, len - 1);
        } else if (type == 28) {
            fuA(buf, off, len);
        } else {
            malformed();
        }
    }

    private void stapA(byte[] buf, int off, int len) {
        List<byte[]> nals = new ArrayList<>();
        int p = off;
        int end = off + len;
        while (p < end) {
            if (end - p < 2) {
                malformed();
                return;
            }
            int size = ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF);
            p += 2;
            if (size == 0 || size > end - p) {
                malformed();
                return;
            }
            nals.add(Arrays.copyOfRange(buf, p, p + size));
            p += size;
        }
        unit.addAll(nals);
    }

    private void fuA(byte[] buf, int off, int len) {
        if (len < 3) {
            malformed();
            return;
        }
        int header = buf[off + 1] & 0xFF;
        boolean start = (header & 0x80) != 0;
        boolean end = (header & 0x40) != 0;
        if (start) {
            fragment = new byte[Math.max(1024, len * 4)];
            fragment[0] = (byte) ((buf[off] & 0xE0) | (header & 0x1F)); // the NAL header the FU indicator split
            fragmentLength = 1;
        } else if (fragment == null) {
            return; // the start was lost: the gap already marked the picture damaged
        }
        if (!append(buf, off + 2, len - 2)) {
            malformed();
            return;
        }
        if (end) {
            unit.add(Arrays.copyOf(fragment, fragmentLength));
            fragment = null;
        }
    }

    private boolean append(byte[] buf, int off, int len) {
        int need = fragmentLength + len;
        if (need > MAX_NAL) {
            fragment = null;
            return false;
        }
        if (need > fragment.length) {
            fragment = Arrays.copyOf(fragment, Math.min(MAX_NAL, Math.max(need, fragment.length * 2)));
        }
        System.arraycopy(buf, off, fragment, fragmentLength, len);
        fragmentLength = need;
        return true;
    }

    private void malformed() {
        malformedPackets++;
        damaged = true;
        waitForKeyFrame = true;
        fragment = null;
    }

    private void finishUnit() {
        fragment = null;
        boolean key = unit.stream().anyMatch(n -> (n[0] & 0x1F) == 5);
        if (!unit.isEmpty() || damaged) {
            if (damaged || (waitForKeyFrame && !key)) {
                droppedPictures++;
            } else {
                waitForKeyFrame = false;
                sink.accept(List.copyOf(unit), unitTimestamp);
            }
        }
        unit.clear();
        damaged = false;
    }

    /** Pictures not delivered: damaged by loss, or waiting for the next IDR after a loss. */
    public long droppedPictures() {
        return droppedPictures;
    }

    public long malformedPackets() {
        return malformedPackets;
    }
}
