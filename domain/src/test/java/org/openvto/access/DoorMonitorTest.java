package org.openvto.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvto.alarm.AlarmState;
import org.openvto.alarm.AlarmType;

class DoorMonitorTest {
    private final AccessFixture f = new AccessFixture();
    private final DoorMonitor door = new DoorMonitor(() -> f.settings, f.alarms(), f.scheduler);

    private void open() {
        door.on(new DoorMonitor.Input.SensorOpened(f.clock.instant()));
    }

    private void close() {
        door.on(new DoorMonitor.Input.SensorClosed(f.clock.instant()));
    }

    @Test
    void theDoorOpenedWhileTheLockIsReleasedRaisesNoAlarm() {
        door.on(new DoorMonitor.Input.Unlocked(
                f.clock.instant(), f.clock.instant().plusSeconds(2)));
        f.advance(Duration.ofSeconds(4)); // 2 s period + inside the 3 s grace
        open();
        assertThat(door.state()).isEqualTo(DoorMonitor.State.OPEN);
        close();
        assertThat(f.alarmStore.rows).isEmpty();
    }

    @Test
    void theDoorOpenedWithNoUnlockIsForcedOpen() {
        door.on(new DoorMonitor.Input.Unlocked(
                f.clock.instant(), f.clock.instant().plusSeconds(2)));
        f.advance(Duration.ofMillis(5001)); // just after the grace
        open();
        assertThat(f.alarmStore.rows).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlarmType.FORCED_OPEN);
            assertThat(a.conditionEnded()).as("momentary").isTrue();
        });
    }

    @Test
    void theDoorHeldOpenExactlyTheCheckDurationIsNotClosedUntilItCloses() {
        door.on(new DoorMonitor.Input.Unlocked(
                f.clock.instant(), f.clock.instant().plusSeconds(2)));
        open();
        f.advance(Duration.ofMillis(29_999));
        assertThat(f.alarmStore.rows).isEmpty();
        f.advance(Duration.ofMillis(1));
        assertThat(door.state()).isEqualTo(DoorMonitor.State.HELD_OPEN);
        var alarm = f.alarmStore.rows.getFirst();
        assertThat(alarm.type()).isEqualTo(AlarmType.DOOR_NOT_CLOSED);
        f.alarms().acknowledge(alarm.id(), "admin");
        assertThat(f.alarmStore.get(alarm.id()).orElseThrow().state())
                .as("acknowledged, but the door is still open")
                .isEqualTo(AlarmState.ACKNOWLEDGED);
        close();
        assertThat(f.alarmStore.get(alarm.id()).orElseThrow().state()).isEqualTo(AlarmState.CLEARED);
    }

    @Test
    void aDoorClosedBeforeTheCheckDurationRaisesNothingLater() {
        door.on(new DoorMonitor.Input.Unlocked(
                f.clock.instant(), f.clock.instant().plusSeconds(2)));
        open();
        f.advance(Duration.ofSeconds(10));
        close();
        f.advance(Duration.ofMinutes(5));
        assertThat(f.alarmStore.rows).isEmpty();
    }

    @Test
    void withTheDoorSensorDisabledNothingIsWatched() {
        f.settings =
                AccessSettings.DEFAULTS.toBuilder().doorSensorEnabled(false).build();
        open();
        f.advance(Duration.ofMinutes(5));
        assertThat(f.alarmStore.rows).isEmpty();
        assertThat(door.state()).isEqualTo(DoorMonitor.State.CLOSED);
        assertThat(Optional.of(f.scheduler.pending())).contains(0);
    }
}
