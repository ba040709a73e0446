package org.openvto.media.audio.internal;

/**
 * ITU-T G.711 A-law: 16-bit linear PCM to 8-bit codes and back, by tables. The encoder works on the 13 most
 * significant bits (G.711's A-law input is 13-bit); codes have the even bits inverted (XOR 0x55) as G.711 sends
 * them, so digital silence is {@code 0xD5} and full scale {@code 0xAA} / {@code 0x2A}.
 */
public final class ALaw {
    private static final byte[] ENCODE = new byte[8192]; // by the 13-bit sample, two's complement
    private static final short[] DECODE = new short[256];

    static {
        for (int i = 0; i < 8192; i++) {
            int sample13 = i < 4096 ? i : i - 8192;
            ENCODE[i] = (byte) encode13(sample13);
        }
        for (int code = 0; code < 256; code++) {
            DECODE[code] = (short) decodeSlow(code);
        }
    }

    private ALaw() {}

    /** The A-law code of a 16-bit sample. */
    public static byte encode(int pcm16) {
        return ENCODE[(pcm16 >> 3) & 0x1FFF];
    }

    /** The 16-bit sample a code stands for (the middle of its quantisation interval). */
    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    /** Encodes {@code samples} 16-bit little-endian samples from {@code s16le} at {@code offset} into {@code out}. */
    public static void encodeS16le(byte[] s16le, int offset, byte[] out, int samples) {
        for (int i = 0; i < samples; i++) {
            int lo = s16le[offset + 2 * i] & 0xFF;
            int hi = s16le[offset + 2 * i + 1]; // sign-extended
            out[i] = encode((hi << 8) | lo);
        }
    }

    /** G.711 §A: segment (exponent) by the magnitude, then 4 bits of mantissa; the sign bit set for positive. */
    private static int encode13(int sample) {
        int mask;
        int magnitude;
        if (sample >= 0) {
            mask = 0xD5; // sign bit 1, even bits inverted
            magnitude = sample;
        } else {
            mask = 0x55;
            magnitude = -sample - 1;
        }
        int segment = 0;
        while (segment < 8 && magnitude > (0x20 << segment) - 1) {
            segment++;
        }
        if (segment >= 8) {
            return 0x7F ^ mask; // beyond full scale: clipped
        }
        int mantissa = segment < 2 ? (magnitude >> 1) & 0x0F : (magnitude >> segment) & 0x0F;
        return ((segment << 4) | mantissa) ^ mask;
    }

    private static int decodeSlow(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t = (t + 0x108) << (segment - 1);
        }
        return (a & 0x80) != 0 ? t : -t;
    }
}
