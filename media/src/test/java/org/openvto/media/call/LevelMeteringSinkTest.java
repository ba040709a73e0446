package org.openvto.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LevelMeteringSinkTest {
    private static short[] sine(double amplitude) {
        short[] s = new short[160];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
        }
        return s;
    }

    @Test
    void aHalfScaleSineIsMinusSixPeakAndMinusNineRms() {
        LevelMeteringSink sink = new LevelMeteringSink();
        for (int i = 0; i < 50; i++) {
            sink.play(sine(0.5));
        }
        var level = sink.level();
        assertThat(level.peakDbfs()).isCloseTo(-6.02, within(0.05));
        assertThat(level.rmsDbfs()).isCloseTo(-9.03, within(0.05));
        assertThat(level.frames()).isEqualTo(50);
    }

    @Test
    void onlyTheLastSecondCounts() {
        LevelMeteringSink sink = new LevelMeteringSink();
        for (int i = 0; i < 50; i++) {
            sink.play(sine(1.0));
        }
        for (int i = 0; i < 50; i++) {
            sink.play(sine(0.1));
        }
        assertThat(sink.level().peakDbfs()).isCloseTo(-20.0, within(0.05));
        assertThat(sink.level().frames()).isEqualTo(100);
    }

    @Test
    void silenceAndLossAreMinusInfinity() {
        LevelMeteringSink sink = new LevelMeteringSink();
        assertThat(sink.level().peakDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
        sink.play(new short[160]);
        sink.lost(160);
        var level = sink.level();
        assertThat(level.rmsDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(level.frames()).isEqualTo(1);
        assertThat(level.lostFrames()).isEqualTo(1);
    }
}
