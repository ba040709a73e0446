package org.openvto.media.rtp;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/**
 * An RTCP sender report (RFC 3550 §6.4.1), with or without reception report blocks, followed by the SDES CNAME
 * every compound packet must carry (§6.1, §6.5.1): what an RTSP server or a sending VTO emits every few seconds per stream so the
 * receiver can map RTP timestamps to wall-clock time and count losses. Immutable.
 *
 * @param ntp          the wall-clock time of {@code rtpTimestamp}
 * @param rtpTimestamp the same instant on the stream's media clock
 * @param packets      packets sent since the stream started
 * @param octets       payload octets sent since the stream started
 */
public record SenderReport(long ssrc, Instant ntp, long rtpTimestamp, long packets, long octets, String cname) {
    /** Seconds from 1900-01-01 (NTP's epoch) to 1970-01-01. */
    static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    /** The compound RTCP packet: SR (PT 200) then SDES (PT 202) with one CNAME item. */
    public byte[] encode() {
        return encode(List.of());
    }

    /**
     * The compound RTCP packet with reception report blocks (§6.4.1: a sender that also receives reports on what it
     * receives in its SR), then the SDES CNAME. At most 31 blocks.
     */
    public byte[] encode(List<ReceiverReport.Block> blocks) {
        byte[] name = RtcpWriter.cnameBytes(cname);
        int srLength = 28 + RtcpWriter.BLOCK * blocks.size();
        ByteBuffer b = ByteBuffer.allocate(srLength + RtcpWriter.sdesLength(name));
        b.put((byte) (0x80 | blocks.size())).put((byte) 200).putShort((short) (srLength / 4 - 1));
        b.putInt((int) ssrc);
        long seconds = ntp.getEpochSecond() + NTP_EPOCH_OFFSET;
        long fraction = ((long) ntp.getNano() << 32) / 1_000_000_000L;
        b.putInt((int) seconds).putInt((int) fraction);
        b.putInt((int) rtpTimestamp).putInt((int) packets).putInt((int) octets);
        RtcpWriter.blocks(b, blocks);
        RtcpWriter.sdes(b, ssrc, name);
        return b.array();
    }

    /** The middle 32 bits of the NTP timestamp of {@code at}: what a report block's LSR field holds (§6.4.1). */
    public static long ntpMiddle(Instant at) {
        long seconds = at.getEpochSecond() + NTP_EPOCH_OFFSET;
        long fraction = ((long) at.getNano() << 32) / 1_000_000_000L;
        return ((seconds & 0xFFFF) << 16) | (fraction >>> 16);
    }
}
