package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.hardware.linux.TestEnv.CHIP;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvto.facade.io.FacadeOutputs.Indicator;
import org.openvto.facade.io.ModuleStatus;

class GpioIndicatorsTest {
    private final TestEnv t = new TestEnv();
    private final GpioIndicators leds = new GpioIndicators(Map.of(Indicator.UNLOCK, LineConfig.of(CHIP, 13)), t.env);

    @Test
    void anIndicatorWithALineDrivesItAndOneWithoutIsOnlyRemembered() {
        leds.start();
        leds.indicator(Indicator.UNLOCK, true);
        leds.indicator(Indicator.TALK, true);
        assertThat(t.gpio.physical(13)).isTrue();
        assertThat(leds.indicators()).containsExactlyInAnyOrder(Indicator.UNLOCK, Indicator.TALK);
        assertThat(leds.status(Indicator.TALK)).isEqualTo(ModuleStatus.ONLINE);
    }

    @Test
    void anLedSetWhileTheChipIsAbsentLightsWhenItReturns() {
        t.gpio.unplug();
        leds.start();
        leds.indicator(Indicator.UNLOCK, true);
        assertThat(leds.status(Indicator.UNLOCK).online()).isFalse();
        t.gpio.plug();
        t.advance(Duration.ofSeconds(5));
        assertThat(t.gpio.physical(13)).isTrue();
        assertThat(leds.status(Indicator.UNLOCK)).isEqualTo(ModuleStatus.ONLINE);
    }
}
