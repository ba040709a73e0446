package org.openvto.media.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RTCP receiver report (RFC 3550 §6.4.2), or the report blocks of a sender report, as a viewer sends them: how
 * much of our stream it lost and its interarrival jitter.
 *
 * @param reporter the SSRC of the viewer that sent it
 * @param blocks one block per source the viewer reports on
 * @param senderNtpMiddle for a sender report, the middle 32 bits of its NTP timestamp (what the receiver echoes
 *     as LSR, §6.4.1); -1 for a receiver report
 */
public record ReceiverReport(long reporter, List<Block> blocks, long senderNtpMiddle) {
    static final int SR = 200;
    static final int RR = 201;

    public ReceiverReport {
        blocks = List.copyOf(blocks);
    }

    /** A receiver report (no sender information). */
    public ReceiverReport(long reporter, List<Block> blocks) {
        this(reporter, blocks, -1);
    }

    /** Whether it came in a sender report. */
    public boolean fromSender() {
        return senderNtpMiddle >= 0;
    }

    /**
     * One report block.
     *
     * @param ssrc the source reported on (ours)
     * @param fractionLost lost fraction since the previous report, in 1/256
     * @param cumulativeLost packets lost since the start (24-bit signed)
     * @param highestSequence extended highest sequence number received
     * @param jitter interarrival jitter in timestamp units
     * @param lastSr the middle 32 bits of the NTP time of the last SR received from {@code ssrc}, 0 for none
     * @param delaySinceLastSr since that SR arrived, in 1/65,536 s; 0 for none
     */
    public record Block(
            long ssrc,
            int fractionLost,
            int cumulativeLost,
            long highestSequence,
            long jitter,
            long lastSr,
            long delaySinceLastSr) {
        /** A block without the round-trip fields (no sender report received yet). */
        public Block(long ssrc, int fractionLost, int cumulativeLost, long highestSequence, long jitter) {
            this(ssrc, fractionLost, cumulativeLost, highestSequence, jitter, 0, 0);
        }
    }

    /** The compound RTCP packet: RR (PT 201, §6.4.2) with the blocks, then SDES CNAME (§6.5.1). */
    public byte[] encode(String cname) {
        byte[] name = RtcpWriter.cnameBytes(cname);
        int rrLength = 8 + RtcpWriter.BLOCK * blocks.size();
        ByteBuffer b = ByteBuffer.allocate(rrLength + RtcpWriter.sdesLength(name));
        b.put((byte) (0x80 | blocks.size())).put((byte) RR).putShort((short) (rrLength / 4 - 1));
        b.putInt((int) reporter);
        RtcpWriter.blocks(b, blocks);
        RtcpWriter.sdes(b, reporter, name);
        return b.array();
    }

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
                long ntpMiddle = type == SR ? (u32(data, at + 8) & 0xFFFF) << 16 | u32(data, at + 12) >>> 16 : -1;
                reports.add(new ReceiverReport(u32(data, at + 4), blocks, ntpMiddle));
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
        return new Block(
                u32(d, at), d[at + 4] & 0xFF, lost, u32(d, at + 8), u32(d, at + 12), u32(d, at + 16), u32(d, at + 20));
    }

    private static long u32(byte[] d, int at) {
        return ((d[at] & 0xFFL) << 24) | ((d[at + 1] & 0xFFL) << 16) | ((d[at + 2] & 0xFFL) << 8) | (d[at + 3] & 0xFFL);
    }
}
