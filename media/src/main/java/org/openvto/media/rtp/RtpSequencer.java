package org.openvto.media.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The sending side of one RTP stream (RFC 3550 §5.1): one SSRC, sequence numbers that start at a random value and
 * increase by one per packet (wrapping at 65536), and media timestamps that start at a random offset and follow the
 * media clock ({@code clockRate}: 90,000 for video, 8,000 for G.711). All packets of one frame share its timestamp.
 * Not thread-safe: one per stream, used by its sending thread.
 */
public final class RtpSequencer {
    private final int payloadType;
    private final long ssrc;
    private final int clockRate;
    private final long timestampOffset;
    private int sequence;
    private long packets;
    private long octets;

    /** @param random chooses the SSRC, the first sequence number and the timestamp offset (unpredictable, §9.1) */
    public RtpSequencer(int payloadType, int clockRate, RandomGenerator random) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        this.payloadType = payloadType;
        this.clockRate = clockRate;
        this.ssrc = random.nextLong() & 0xFFFFFFFFL;
        this.sequence = random.nextInt(0x10000);
        this.timestampOffset = random.nextLong() & 0xFFFFFFFFL;
    }

    public long ssrc() {
        return ssrc;
    }

    /** The RTP timestamp of a frame captured {@code micros} after the stream's start. */
    public long timestamp(long micros) {
        return (timestampOffset + Math.floorDiv(micros * clockRate, 1_000_000L)) & 0xFFFFFFFFL;
    }

    /** The packets of one frame: consecutive sequence numbers, the frame's timestamp, each payload's marker. */
    public List<RtpPacket> frame(long micros, List<byte[]> payloads, List<Boolean> markers) {
        if (payloads.size() != markers.size()) {
            throw new IllegalArgumentException("one marker per payload");
        }
        long ts = timestamp(micros);
        List<RtpPacket> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            out.add(RtpPacket.of(markers.get(i), payloadType, sequence, ts, ssrc, payloads.get(i)));
            sequence = (sequence + 1) & 0xFFFF;
            packets++;
            octets += payloads.get(i).length;
        }
        return out;
    }

    /**
     * Takes {@code count} consecutive sequence numbers for packets whose header the caller writes itself (with
     * {@link #ssrc()}, {@link #payloadType()} and {@link #timestamp}); counts them for the sender report.
     *
     * @return the first of them
     */
    public int reserve(int count, long payloadOctets) {
        int first = sequence;
        sequence = (sequence + count) & 0xFFFF;
        packets += count;
        octets += payloadOctets;
        return first;
    }

    public int payloadType() {
        return payloadType;
    }

    /** The sequence number the next packet will carry (for RTSP's {@code RTP-Info}, RFC 2326 §12.33). */
    public int nextSequence() {
        return sequence;
    }

    /**
     * The sender report (§6.4.1) of what this stream sent so far, at wall-clock time {@code ntp}, which is media time
     * {@code micros} (the last packet's time plus what elapsed since it).
     */
    public SenderReport senderReport(java.time.Instant ntp, long micros, String cname) {
        return new SenderReport(ssrc, ntp, timestamp(micros), packets, octets, cname);
    }

    /** Packets sent, for the sender report's packet count (§6.4.1). */
    public long packets() {
        return packets;
    }

    /** Payload octets sent, for the sender report's octet count. */
    public long octets() {
        return octets;
    }
}
