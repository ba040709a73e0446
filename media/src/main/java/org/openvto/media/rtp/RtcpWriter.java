package org.openvto.media.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The parts sender and receiver reports share on the wire: report blocks and the SDES CNAME (RFC 3550 §6.4, §6.5). */
final class RtcpWriter {
    static final int BLOCK = 24;

    private RtcpWriter() {}

    static byte[] cnameBytes(String cname) {
        byte[] name = cname.getBytes(StandardCharsets.UTF_8);
        if (name.length > 255) {
            throw new IllegalArgumentException("CNAME longer than 255 bytes");
        }
        return name;
    }

    /** The SDES packet's size: one chunk of SSRC, CNAME item and the terminating null, padded to 32 bits. */
    static int sdesLength(byte[] name) {
        int chunk = 4 + 2 + name.length + 1;
        return 4 + (chunk + 3) / 4 * 4;
    }

    /** §6.4.1: one reception report block. */
    static void block(ByteBuffer b, ReceiverReport.Block block) {
        b.putInt((int) block.ssrc());
        b.put((byte) block.fractionLost());
        int lost = Math.max(-0x800000, Math.min(0x7FFFFF, block.cumulativeLost())); // 24-bit signed, clamped
        b.put((byte) (lost >> 16)).put((byte) (lost >> 8)).put((byte) lost);
        b.putInt((int) block.highestSequence()).putInt((int) block.jitter());
        b.putInt((int) block.lastSr()).putInt((int) block.delaySinceLastSr());
    }

    static void blocks(ByteBuffer b, List<ReceiverReport.Block> blocks) {
        if (blocks.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks in one report");
        }
        blocks.forEach(block -> block(b, block));
    }

    /** §6.5: SDES (PT 202) with one chunk holding the CNAME item (§6.5.1). */
    static void sdes(ByteBuffer b, long ssrc, byte[] name) {
        int start = b.position();
        int length = sdesLength(name);
        b.put((byte) 0x81).put((byte) 202).putShort((short) (length / 4 - 1));
        b.putInt((int) ssrc);
        b.put((byte) 1).put((byte) name.length).put(name);
        while (b.position() < start + length) {
            b.put((byte) 0); // the item list's terminating null and padding to 32 bits
        }
    }
}
