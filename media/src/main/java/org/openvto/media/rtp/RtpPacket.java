package org.openvto.media.rtp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One RTP packet (RFC 3550 §5.1): version 2, padding, extension, CSRCs, marker, payload type, sequence number,
 * timestamp, SSRC and the payload. Immutable (the arrays are copied in and out).
 *
 * @param sequence  16 bits, 0–65535
 * @param timestamp 32 bits, held as the unsigned value in a long
 * @param ssrc      32 bits, unsigned in a long
 * @param csrcs     at most 15, each unsigned 32 bits
 * @param extension the header extension (§5.3.1) as its profile id and words, or {@code null} for none
 */
public record RtpPacket(
        boolean marker,
        int payloadType,
        int sequence,
        long timestamp,
        long ssrc,
        long[] csrcs,
        Extension extension,
        byte[] payload) {
    /** The fixed header's length. */
    public static final int HEADER = 12;

    /** A header extension: the profile's 16-bit id and its data (a multiple of 4 bytes). */
    public record Extension(int profile, byte[] data) {
        public Extension {
            if (profile < 0 || profile > 0xFFFF || data.length % 4 != 0 || data.length / 4 > 0xFFFF) {
                throw new IllegalArgumentException("extension: 16-bit profile and whole 32-bit words");
            }
            data = data.clone();
        }
    }

    public RtpPacket {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0–127: " + payloadType);
        }
        if (sequence < 0 || sequence > 0xFFFF) {
            throw new IllegalArgumentException("sequence number must be 0–65535: " + sequence);
        }
        if ((timestamp >>> 32) != 0 || (ssrc >>> 32) != 0) {
            throw new IllegalArgumentException("timestamp and SSRC are 32-bit unsigned");
        }
        csrcs = csrcs == null ? new long[0] : csrcs.clone();
        if (csrcs.length > 15) {
            throw new IllegalArgumentException("at most 15 CSRCs");
        }
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** A packet without CSRCs or extension: what a sender of one stream sends. */
    public static RtpPacket of(
            boolean marker, int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {
        return new RtpPacket(marker, payloadType, sequence, timestamp, ssrc, null, null, payload);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public long[] csrcs() {
        return csrcs.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    /** The packet on the wire (no padding is added). */
    public byte[] encode() {
        int ext = extension == null ? 0 : 4 + extension.data().length;
        ByteBuffer b = ByteBuffer.allocate(HEADER + 4 * csrcs.length + ext + payload.length);
        b.put((byte) (0x80 | (extension != null ? 0x10 : 0) | csrcs.length));
        b.put((byte) ((marker ? 0x80 : 0) | payloadType));
        b.putShort((short) sequence);
        b.putInt((int) timestamp);
        b.putInt((int) ssrc);
        for (long c : csrcs) {
            b.putInt((int) c);
        }
        if (extension != null) {
            b.putShort((short) extension.profile());
            b.putShort((short) (extension.data().length / 4));
            b.put(extension.data());
        }
        b.put(payload);
        return b.array();
    }

    /** What {@link #decode} made of the bytes: the packet, or why they are not one. */
    public sealed interface Decoded {
        record Packet(RtpPacket packet) implements Decoded {}

        record Malformed(String reason) implements Decoded {}
    }

    /** Reads {@code length} bytes at {@code offset}; anything that is not an RTP packet is {@link Decoded.Malformed}. */
    public static Decoded decode(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            return new Decoded.Malformed("bounds outside the buffer");
        }
        if (length < HEADER) {
            return new Decoded.Malformed("shorter than the 12-byte header: " + length);
        }
        ByteBuffer b = ByteBuffer.wrap(data, offset, length);
        int first = b.get() & 0xFF;
        if (first >>> 6 != 2) {
            return new Decoded.Malformed("version " + (first >>> 6) + ", not 2");
        }
        boolean padding = (first & 0x20) != 0;
        boolean hasExtension = (first & 0x10) != 0;
        int cc = first & 0x0F;
        int second = b.get() & 0xFF;
        int sequence = b.getShort() & 0xFFFF;
        long timestamp = b.getInt() & 0xFFFFFFFFL;
        long ssrc = b.getInt() & 0xFFFFFFFFL;
        if (b.remaining() < 4 * cc) {
            return new Decoded.Malformed("CSRC count " + cc + " beyond the packet");
        }
        long[] csrcs = new long[cc];
        for (int i = 0; i < cc; i++) {
            csrcs[i] = b.getInt() & 0xFFFFFFFFL;
        }
        Extension extension = null;
        if (hasExtension) {
            if (b.remaining() < 4) {
                return new Decoded.Malformed("header extension beyond the packet");
            }
            int profile = b.getShort() & 0xFFFF;
            int words = b.getShort() & 0xFFFF;
            if (b.remaining() < 4 * words) {
                return new Decoded.Malformed("header extension of " + words + " words beyond the packet");
            }
            byte[] ext = new byte[4 * words];
            b.get(ext);
            extension = new Extension(profile, ext);
        }
        int end = offset + length;
        if (padding) {
            int pad = data[end - 1] & 0xFF;
            if (pad == 0 || pad > b.remaining()) {
                return new Decoded.Malformed("padding of " + pad + " bytes does not fit");
            }
            end -= pad;
        }
        byte[] payload = Arrays.copyOfRange(data, b.position(), end);
        return new Decoded.Packet(new RtpPacket(
                (second & 0x80) != 0, second & 0x7F, sequence, timestamp, ssrc, csrcs, extension, payload));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpPacket p
                && marker == p.marker
                && payloadType == p.payloadType
                && sequence == p.sequence
                && timestamp == p.timestamp
                && ssrc == p.ssrc
                && Arrays.equals(csrcs, p.csrcs)
                && Objects.equals(
                        extension == null ? null : extension.profile(),
                        p.extension == null ? null : p.extension.profile())
                && (extension == null || Arrays.equals(extension.data(), p.extension.data()))
                && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(marker, payloadType, sequence, timestamp, ssrc, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequence + ", ts=" + timestamp + ", ssrc=" + ssrc
                + (marker ? ", M" : "") + ", " + payload.length + " bytes]";
    }
}
