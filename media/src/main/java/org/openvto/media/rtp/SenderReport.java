package org.openvto.media.rtp;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * An RTCP sender report without report blocks (RFC 3550 §6.4.1), followed by the SDES CNAME every compound packet
 * must carry (§6.1, §6.5.1): what an RTSP server or a sending VTO emits every few seconds per stream so the
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
        byte[] name = cname.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (name.length > 255) {
            throw new IllegalArgumentException("CNAME longer than 255 bytes");
        }
        int sdesChunk = 4 + 2 + name.length + 1; // SSRC, type + length, text, end-of-items null
        int sdesPadded = (sdesChunk + 3) / 4 * 4;
        ByteBuffer b = ByteBuffer.allocate(28 + 4 + sdesPadded);
        b.put((byte) 0x80).put((byte) 200).putShort((short) 6); // V=2, RC=0; length 7 words − 1
        b.putInt((int) ssrc);
        long seconds = ntp.getEpochSecond() + NTP_EPOCH_OFFSET;
        long fraction = ((long) ntp.getNano() << 32) / 1_000_000_000L;
        b.putInt((int) seconds).putInt((int) fraction);
        b.putInt((int) rtpTimestamp).putInt((int) packets).putInt((int) octets);
        b.put((byte) 0x81).put((byte) 202).putShort((short) (sdesPadded / 4)); // one chunk
        b.putInt((int) ssrc);
        b.put((byte) 1).put((byte) name.length).put(name); // CNAME
        while (b.position() < b.capacity()) {
            b.put((byte) 0); // the item list's terminating null and padding to 32 bits
        }
        return b.array();
    }
}
