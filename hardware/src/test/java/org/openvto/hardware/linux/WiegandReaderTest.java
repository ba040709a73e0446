package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.hardware.linux.RecordingInputs.at;
import static org.openvto.hardware.linux.TestEnv.CHIP;
import static org.openvto.hardware.linux.TestEnv.ms;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openvto.facade.io.ModuleStatus;

class WiegandReaderTest {
    private static final int D0 = 24;
    private static final int D1 = 25;
    private final TestEnv t = new TestEnv();
    private final WiegandReader reader = new WiegandReader(
            new WiegandReader.Config(
                    CHIP, D0, D1, LineConfig.Bias.PULL_UP, Duration.ofMillis(25), Duration.ofNanos(200_000), 3),
            t.inputs,
            t.env);

    /** The reader's outputs idle high and pull D0 (a 0) or D1 (a 1) low for 50 µs, every 2 ms. */
    private void send(String bits, long start) {
        for (int i = 0; i < bits.length(); i++) {
            t.gpio.pulse(bits.charAt(i) == '1' ? D1 : D0, false, start + i * ms(2), ms(0.05));
        }
    }

    private void idleHigh() {
        t.gpio.level(D0, true);
        t.gpio.level(D1, true);
    }

    @Test
    void aGoodFrameOnTheLinesIsACardWhenTheGapHasPassed() {
        idleHigh();
        reader.start();
        send(WiegandDecoderTest.h10301(1, 1), ms(1000));
        reader.pumpOnce();
        assertThat(t.inputs.events).isEmpty();

        t.advance(Duration.ofMillis(25));
        assertThat(t.inputs.events).containsExactly("card 65537 wiegand " + at(1050));
        assertThat(reader.accepted()).isEqualTo(1);
        // both lines in one request, active-low, pull-up, no kernel debounce (it would swallow the pulses)
        FakeGpioChip.Request r = t.gpio.requests().get(0);
        assertThat(r.offsets()).containsExactly(D0, D1);
        assertThat(r.settings()).isEqualTo(new GpioChip.LineSettings(true, LineConfig.Bias.PULL_UP, 0));
    }

    @Test
    void aBadFrameIsCountedNotReported() {
        idleHigh();
        reader.start();
        send(WiegandDecoderTest.h10301(1, 1).substring(0, 25), 0);
        reader.pumpOnce();
        t.advance(Duration.ofMillis(25));
        assertThat(t.inputs.events).isEmpty();
        assertThat(reader.dropped())
                .containsExactly(
                        java.util.Map.entry("parity", 0L),
                        java.util.Map.entry("truncated", 1L),
                        java.util.Map.entry("unsupported-length", 0L),
                        java.util.Map.entry("noise", 0L),
                        java.util.Map.entry("overflow", 0L));
    }

    @Test
    void aKernelBufferOverflowDropsTheFrameAsOverflow() {
        idleHigh();
        reader.start();
        send(WiegandDecoderTest.h10301(1, 1).substring(0, 10), 0);
        reader.pumpOnce();
        t.gpio.lose(D0, 4);
        send(WiegandDecoderTest.h10301(1, 1).substring(12), ms(24));
        reader.pumpOnce();
        t.advance(Duration.ofMillis(25));
        assertThat(t.inputs.events).isEmpty();
        assertThat(reader.dropped()).containsEntry("overflow", 1L);
    }

    @Test
    void aMissingChipIsTheReadersModuleStatus() {
        t.gpio.unplug();
        reader.start();
        assertThat(t.inputs.statuses)
                .containsExactly(
                        ModuleStatus.offline("wiegand reader: /dev/gpiochip0: open: No such file or directory"));
        t.gpio.plug();
        t.advance(Duration.ofSeconds(5));
        assertThat(reader.status()).isEqualTo(ModuleStatus.ONLINE);
    }
}
