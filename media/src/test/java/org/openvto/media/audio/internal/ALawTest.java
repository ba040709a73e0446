package org.openvto.media.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** G.711 A-law against the codes of the recommendation's tables and the properties of the quantiser. */
class ALawTest {
    private static int code(int pcm16) {
        return ALaw.encode(pcm16) & 0xFF;
    }

    @Test
    void knownCodes() {
        assertThat(code(0)).as("digital silence, positive zero").isEqualTo(0xD5);
        assertThat(code(-1)).as("negative zero").isEqualTo(0x55);
        assertThat(code(32767)).as("positive full scale").isEqualTo(0xAA);
        assertThat(code(-32768)).as("negative full scale").isEqualTo(0x2A);
        // segment boundaries (13-bit magnitudes 31/32, 63/64, ... ; a 16-bit sample is 8 times that)
        assertThat(code(31 * 8)).isEqualTo(0x0F ^ 0xD5);
        assertThat(code(32 * 8)).isEqualTo(0x10 ^ 0xD5);
        assertThat(code(63 * 8)).isEqualTo(0x1F ^ 0xD5);
        assertThat(code(64 * 8)).isEqualTo(0x20 ^ 0xD5);
        assertThat(code(4095 * 8)).isEqualTo(0x7F ^ 0xD5);
        assertThat(code(1000)).as("125 in 13 bits: segment 2, mantissa 15").isEqualTo(0x2F ^ 0xD5);
        assertThat(code(-1000)).isEqualTo(0x2F ^ 0x55);
    }

    @Test
    void decodedValuesAreTheIntervalMiddles() {
        assertThat(ALaw.decode((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(ALaw.decode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(ALaw.decode((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(ALaw.decode((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void everyCodeSurvivesDecodeAndEncode() {
        for (int c = 0; c < 256; c++) {
            assertThat(code(ALaw.decode((byte) c))).as("code %02x", c).isEqualTo(c);
        }
    }

    @Test
    void quantisationErrorIsWithinHalfAStepOfItsSegmentAndMonotonic() {
        int previous = Integer.MIN_VALUE;
        for (int x = -32768; x <= 32767; x++) {
            int y = ALaw.decode(ALaw.encode(x));
            int magnitude = Math.abs(x >= 0 ? x : -x - 1) >> 3;
            int segment = magnitude < 32 ? 0 : 32 - Integer.numberOfLeadingZeros(magnitude) - 5;
            int step = segment < 2 ? 16 : 8 << segment; // in 16-bit units: 2, 2, 4, 8… 13-bit units, times 8
            assertThat(Math.abs(y - x)).as("x=%d", x).isLessThanOrEqualTo(step / 2 + 8);
            assertThat(y).as("monotonic at %d", x).isGreaterThanOrEqualTo(previous);
            previous = y;
        }
    }

    @Test
    void signIsBitSevenAfterInversion() {
        for (int x = -32768; x <= 32767; x += 7) {
            boolean positive = ((code(x) ^ 0x55) & 0x80) != 0;
            assertThat(positive).as("x=%d", x).isEqualTo(x >= 0);
        }
    }

    @Test
    void s16leIsEncodedSampleBySample() {
        byte[] in = {0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 0, (byte) 0x80, (byte) 0xE8, 0x03};
        byte[] out = new byte[5];
        ALaw.encodeS16le(in, 0, out, 5);
        assertThat(out).containsExactly((byte) 0xD5, (byte) 0x55, (byte) 0xAA, (byte) 0x2A, ALaw.encode(1000));
    }
}
