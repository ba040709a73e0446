package org.openvto.media.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateMeterTest {
    private final RateMeter meter = new RateMeter(Duration.ofSeconds(2));
    private final Instant t0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void tenPicturesASecondCostingFifteenMillisecondsEachAreTenFpsAndFifteenPercent() {
        for (int i = 0; i <= 50; i++) {
            meter.record(t0.plusMillis(100L * i), 15_000_000L * i);
        }
        assertThat(meter.perSecond()).isCloseTo(10.0, within(0.01));
        assertThat(meter.cpuPercent()).isCloseTo(15.0, within(0.01));
    }

    @Test
    void onlyTheLastWindowCounts() {
        for (int i = 0; i <= 10; i++) {
            meter.record(t0.plusSeconds(i), 0); // 1 fps, idle encoder
        }
        for (int i = 1; i <= 40; i++) {
            meter.record(t0.plusSeconds(10).plusMillis(50L * i), 10_000_000L * i); // 20 fps, 20 %
        }
        assertThat(meter.perSecond()).isCloseTo(20.0, within(0.01));
        assertThat(meter.cpuPercent()).isCloseTo(20.0, within(0.01));
    }

    @Test
    void fewerThanTwoPicturesOrAnUnknownCpuSayNothing() {
        assertThat(meter.perSecond()).isZero();
        meter.record(t0, -1);
        assertThat(meter.perSecond()).isZero();
        meter.record(t0.plusMillis(100), -1);
        assertThat(meter.perSecond()).isCloseTo(10.0, within(0.01));
        assertThat(meter.cpuPercent()).isNegative();
        meter.clear();
        assertThat(meter.perSecond()).isZero();
    }
}
