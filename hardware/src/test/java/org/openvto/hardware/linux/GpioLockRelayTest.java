package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.hardware.linux.TestEnv.CHIP;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvto.facade.io.LockRelay;
import org.openvto.facade.io.ModuleStatus;

class GpioLockRelayTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final TestEnv t = new TestEnv();
    private final GpioLockRelay relay =
            new GpioLockRelay(1, LineConfig.of(CHIP, 17).withActiveLow(true), t.env);

    private FakeGpioChip.Write write(boolean high, long millisAfterT0) {
        return new FakeGpioChip.Write(17, high, T0.plusMillis(millisAfterT0));
    }

    @Test
    void aPulseEnergizesAndReleasesToTheMillisecond() {
        relay.start();
        relay.pulse(Duration.ofMillis(3000));
        assertThat(relay.state()).isEqualTo(new LockRelay.State(true, Optional.of(T0.plusMillis(3000))));

        t.advance(Duration.ofMillis(2999));
        assertThat(relay.state().energized()).isTrue();
        t.advance(Duration.ofMillis(1));

        assertThat(relay.state()).isEqualTo(LockRelay.State.RELEASED);
        // active-low relay board: released = high, energized = low
        assertThat(t.gpio.writes()).containsExactly(write(true, 0), write(false, 0), write(true, 3000));
    }

    @Test
    void aHoldReplacesARunningPulse() {
        relay.start();
        relay.pulse(Duration.ofSeconds(3));
        t.advance(Duration.ofSeconds(1));
        relay.hold();
        t.advance(Duration.ofSeconds(10));

        assertThat(relay.state()).isEqualTo(new LockRelay.State(true, Optional.empty()));
        relay.release();
        assertThat(relay.state()).isEqualTo(LockRelay.State.RELEASED);
        assertThat(t.gpio.physical(17)).isTrue();
    }

    @Test
    void aNewPulseRestartsTheTimer() {
        relay.start();
        relay.pulse(Duration.ofSeconds(3));
        t.advance(Duration.ofSeconds(2));
        relay.pulse(Duration.ofSeconds(3));
        t.advance(Duration.ofSeconds(2));
        assertThat(relay.state()).isEqualTo(new LockRelay.State(true, Optional.of(T0.plusSeconds(5))));
        t.advance(Duration.ofSeconds(1));
        assertThat(relay.state()).isEqualTo(LockRelay.State.RELEASED);
        assertThat(t.scheduler.pending()).isZero();
    }

    @Test
    void aMissingChipIsAStatusAndTheWantedLevelIsAppliedWhenItAppears() {
        t.gpio.unplug();
        relay.start();
        relay.hold();
        assertThat(relay.status()).isEqualTo(ModuleStatus.offline("/dev/gpiochip0: open: No such file or directory"));
        assertThat(relay.state().energized()).isTrue();

        t.gpio.plug();
        t.advance(Duration.ofSeconds(5));
        assertThat(relay.status()).isEqualTo(ModuleStatus.ONLINE);
        assertThat(t.gpio.writes()).containsExactly(write(false, 5000)); // requested energized (low)
    }

    @Test
    void aWriteToAVanishedChipGoesOfflineAndReconnects() {
        relay.start();
        t.gpio.unplug();
        relay.pulse(Duration.ofSeconds(10));
        assertThat(relay.status()).isEqualTo(ModuleStatus.offline("/dev/gpiochip0: set line: No such device"));
        t.gpio.plug();
        t.advance(Duration.ofSeconds(5));
        assertThat(relay.status()).isEqualTo(ModuleStatus.ONLINE);
        assertThat(t.gpio.physical(17)).isFalse(); // energized again
        t.advance(Duration.ofSeconds(5));
        assertThat(t.gpio.physical(17)).isTrue();
    }
}
