package org.openvto.media.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** G.711 μ-law against the codes of the recommendation's tables and the properties of the quantiser. */
class MuLawTest {
    private static int code(int pcm16) {
        return MuLaw.encode(pcm16) & 0xFF;
    }

    @Test
    void knownCodes() {
        assertThat(code(0)).as("digital silence").isEqualTo(0xFF);
        assertThat(code(32767)).as("positive full scale").isEqualTo(0x80);
        assertThat(code(-32768)).as("negative full scale").isEqualTo(0x00);
        assertThat(code(1000)).as("250 in 14 bits: segment 3, mantissa 1").isEqualTo(0xCE);
        assertThat(code(-1000)).isEqualTo(0x4E);
        // segment ends (14-bit magnitudes 30/31, 94/95, 222/223 ...; a 16-bit sample is 4 times that)
        assertThat(code(30 * 4)).isEqualTo(0x0F ^ 0xFF);
        assertThat(code(31 * 4)).isEqualTo(0x10 ^ 0xFF);
        assertThat(code(94 * 4)).isEqualTo(0x1F ^ 0xFF);
        assertThat(code(95 * 4)).isEqualTo(0x20 ^ 0xFF);
        assertThat(code(222 * 4)).isEqualTo(0x2F ^ 0xFF);
        assertThat(code(223 * 4)).isEqualTo(0x30 ^ 0xFF);
        assertThat(code(8158 * 4)).as("the last decision value").isEqualTo(0x7F ^ 0xFF);
    }

    @Test
    void decodedValuesAreTheIntervalMiddles() {
        assertThat(MuLaw.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x7F)).as("negative zero").isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(MuLaw.decode((byte) 0xFE)).isEqualTo((short) 8);
        assertThat(MuLaw.decode((byte) 0xCE))
                .as("segment 3, mantissa 1: 239..254 in 14 bits")
                .isEqualTo((short) 988);
    }

    @Test
    void everyCodeButNegativeZeroSurvivesDecodeAndEncode() {
        for (int c = 0; c < 256; c++) {
            int expected = c == 0x7F ? 0xFF : c;
            assertThat(code(MuLaw.decode((byte) c))).as("code %02x", c).isEqualTo(expected);
        }
    }

    @Test
    void quantisationIsMonotonicAndWithinHalfAStep() {
        int previous = Integer.MIN_VALUE;
        for (int x = -32768; x <= 32767; x++) {
            int y = MuLaw.decode(MuLaw.encode(x));
            assertThat(y).as("monotonic at %d", x).isGreaterThanOrEqualTo(previous);
            previous = y;
            int magnitude = Math.min(Math.abs(x >> 2), 8159) + 33;
            int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 5; // 33..63 → 0, 64..127 → 1 …
            int step = 4 << (segment + 1); // 2, 4, 8 … 14-bit units, times 4
            if (Math.abs(x) < 32000) {
                assertThat(Math.abs(y - x)).as("x=%d", x).isLessThanOrEqualTo(step / 2 + 4);
            }
        }
    }

    @Test
    void aLawCodesMapToTheNearestMuLawCode() {
        assertThat(MuLaw.fromALaw((byte) 0xD5) & 0xFF)
                .as("A-law +1 → μ-law +1 (G.711 Table 3)")
                .isEqualTo(0xFE);
        assertThat(MuLaw.fromALaw((byte) 0x55) & 0xFF).as("A-law −1 → μ-law −1").isEqualTo(0x7E);
        assertThat(MuLaw.fromALaw((byte) 0xAA) & 0xFF).as("A-law full scale").isEqualTo(0x80);
        for (int a = 0; a < 256; a++) {
            int linear = ALaw.decode((byte) a);
            int viaMu = MuLaw.decode(MuLaw.fromALaw((byte) a));
            assertThat(Math.abs(viaMu - linear))
                    .as("A-law %02x", a)
                    .isLessThanOrEqualTo(Math.max(16, Math.abs(linear) / 16));
        }
        byte[] frame = {(byte) 0xD5, (byte) 0x55, (byte) 0xAA};
        assertThat(MuLaw.fromALaw(frame)).containsExactly((byte) 0xFE, (byte) 0x7E, (byte) 0x80);
    }
}
