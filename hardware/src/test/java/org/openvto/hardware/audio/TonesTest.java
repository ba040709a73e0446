package org.openvto.hardware.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TonesTest {
    private static short sample(byte[] pcm, int i) {
        return (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
    }

    @Test
    void ringbackIsOneSecondOf425HertzWithoutAClick() {
        byte[] pcm = Tones.pcm("ringback").orElseThrow();
        assertThat(pcm).hasSize(8_000 * 2);
        assertThat(sample(pcm, 0)).isZero();
        assertThat(sample(pcm, 7_999)).isZero();
        // 425 Hz: zero crossings twice per period, 850 in one second (± the faded ends)
        int crossings = 0;
        for (int i = 1; i < 8_000; i++) {
            if ((sample(pcm, i - 1) < 0) != (sample(pcm, i) < 0)) {
                crossings++;
            }
        }
        assertThat(crossings).isBetween(845, 852);
    }

    @Test
    void theErrorToneIsThreeBeepsWithSilenceBetween() {
        byte[] pcm = Tones.pcm("error").orElseThrow();
        assertThat(pcm.length / 2).isEqualTo(3 * 800 + 2 * 800);
        for (int i = 800; i < 1_600; i++) {
            assertThat(sample(pcm, i)).isZero();
        }
    }

    @Test
    void theCallPromptsHaveTheirLengths() {
        assertThat(Tones.pcm("busy").orElseThrow().length / 2)
                .as("3 × 500 ms on, 2 × 500 ms off")
                .isEqualTo(20_000);
        assertThat(Tones.pcm("no-answer").orElseThrow().length / 2).isEqualTo(8_000);
        assertThat(Tones.pcm("no-such-room").orElseThrow().length / 2).isEqualTo(3 * 2_640);
        assertThat(Tones.pcm("call-ended").orElseThrow().length / 2).isEqualTo(1_200 + 400 + 1_200);
    }

    @Test
    void anUnknownToneIsNothing() {
        assertThat(Tones.pcm("fanfare")).isEmpty();
        assertThat(Tones.pcm("alarm")).isPresent();
        assertThat(Tones.pcm("unlock")).isPresent();
    }
}
