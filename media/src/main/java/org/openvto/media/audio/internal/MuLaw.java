package org.openvto.media.audio.internal;

/**
 * ITU-T G.711 μ-law (PCMU, RTP payload type 0): 16-bit linear PCM to 8-bit codes and back, by tables, and A-law
 * codes straight to μ-law ones. The encoder works on the 14 most significant bits (G.711's μ-law input is 14-bit),
 * adds the bias of 33 and sends the code inverted, so digital silence is {@code 0xFF} (and {@code 0x7F}, negative
 * zero) and full scale {@code 0x80} / {@code 0x00}.
 */
public final class MuLaw {
    private static final int BIAS = 0x21; // 33, in 14-bit units
    private static final int TOP = 0x1FFF; // the largest biased magnitude: segment 7, mantissa 15
    private static final byte[] ENCODE = new byte[16384]; // by the 14-bit sample, two's complement
    private static final short[] DECODE = new short[256];
    private static final byte[] FROM_ALAW = new byte[256];

    static {
        for (int i = 0; i < 16384; i++) {
            ENCODE[i] = (byte) encode14(i < 8192 ? i : i - 16384);
        }
        for (int code = 0; code < 256; code++) {
            DECODE[code] = (short) decodeSlow(code);
        }
        for (int a = 0; a < 256; a++) {
            FROM_ALAW[a] = encode(ALaw.decode((byte) a));
        }
    }

    private MuLaw() {}

    /** The μ-law code of a 16-bit sample. */
    public static byte encode(int pcm16) {
        return ENCODE[(pcm16 >> 2) & 0x3FFF];
    }

    /** The 16-bit sample a code stands for (the middle of its quantisation interval). */
    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    /** The μ-law code nearest to what an A-law code stands for (a PCMA microphone sent as PCMU). */
    public static byte fromALaw(byte alaw) {
        return FROM_ALAW[alaw & 0xFF];
    }

    /** {@link #fromALaw} for a whole frame. */
    public static byte[] fromALaw(byte[] alaw) {
        byte[] out = new byte[alaw.length];
        for (int i = 0; i < alaw.length; i++) {
            out[i] = FROM_ALAW[alaw[i] & 0xFF];
        }
        return out;
    }

    /** G.711 §B: bias, segment (exponent) by the biased magnitude, 4 bits of mantissa, everything inverted. */
    private static int encode14(int sample) {
        int mask;
        int magnitude;
        if (sample < 0) {
            mask = 0x7F; // sign bit 0 after inversion
            magnitude = -sample;
        } else {
            mask = 0xFF;
            magnitude = sample;
        }
        magnitude = Math.min(magnitude + BIAS, TOP); // beyond full scale: clipped
        int segment = 0;
        while (segment < 7 && magnitude > (0x40 << segment) - 1) {
            segment++;
        }
        int mantissa = (magnitude >> (segment + 1)) & 0x0F;
        return ((segment << 4) | mantissa) ^ mask;
    }

    /** Back to 16 bits: the interval's middle in 14-bit units (mantissa × 2 + bias + 1, shifted), times 4. */
    private static int decodeSlow(int code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }
}
