package org.openvto.media.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RTCP receiver report (RFC 3550 §6.4.2), or the report blocks of a sender report, as a viewer sends them: how
 * much of our stream it lost and its interarrival jitter.
 *
 * @param reporter the SSRC of the viewer that sent it
 * @param blocks one block per source the viewer reports on
 */
public record ReceiverReport(long reporter, List<Block> blocks) {
    static final int SR = 200;
    static final int RR = 201;

    public ReceiverReport {
        blocks = List.copyOf(blocks);
    }

    /**
     * One report block.
     *
     * @param ssrc the source reported on (ours)
     * @param fractionLost lost fraction since the previous report, in 1/256
     * @param cumulativeLost packets lost since the start (24-bit signed)
     * @param highestSequence extended highest sequence number received
     * @param jitter interarrival jitter in timestamp units
     */
    public record Block(long ssrc, int fractionLost, int cumulativeLost, long highestSequence, long jitter) {}

    /**
     * The SR/RR packets of a compound RTCP packet; other packet types (SDES, BYE, APP…) are skipped. Empty when the
     * data is not RTCP (wrong version, a length running past the end): the caller drops and counts it. Never throws.
     */
    public static Optional<List<ReceiverReport>> parseCompound(byte[] data) {
        List<ReceiverReport> reports = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            if (data.length - at < 4 || (data[at] & 0xC0) != 0x80) {
                return Optional.empty();
            }
            int count = data[at] & 0x1F;
            int type = data[at + 1] & 0xFF;
            int length = 4 * (((data[at + 2] & 0xFF) << 8 | (data[at + 3] & 0xFF)) + 1);
            if (at + length > data.length) {
                return Optional.empty();
            }
            if (type == RR || type == SR) {
                int blocksAt = at + 8 + (type == SR ? 20 : 0);
                if (length < 8 || blocksAt + 24L * count > at + length) {
                    return Optional.empty();
                }
                List<Block> blocks = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    blocks.add(block(data, blocksAt + 24 * i));
                }
                reports.add(new ReceiverReport(u32(data, at + 4), blocks));
            }
            at += length;
        }
        return Optional.of(reports);
    }

    private static Block block(byte[] d, int at) {
        int lost = (d[at + 5] & 0xFF) << 16 | (d[at + 6] & 0xFF) << 8 | (d[at + 7] & 0xFF);
        if ((lost & 0x800000) != 0) {
            lost |= 0xFF000000; // sign-extend the 24-bit count (it goes negative with duplicates)
        }
        return new Block(u32(d, at), d[at + 4] & 0xFF, lost, u32(d, at + 8), u32(d, at + 12));
    }

    private static long u32(byte[] d, int at) {
        return ((d[at] & 0xFFL) << 24) | ((d[at + 1] & 0xFFL) << 16) | ((d[at + 2] & 0xFFL) << 8) | (d[at + 3] & 0xFFL);
    }
}
