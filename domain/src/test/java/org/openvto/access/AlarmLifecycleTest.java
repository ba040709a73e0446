package org.openvto.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openvto.alarm.AlarmSounder;
import org.openvto.alarm.AlarmState;
import org.openvto.alarm.AlarmType;
import org.openvto.validation.Result;

class AlarmLifecycleTest {
    private final AccessFixture f = new AccessFixture();

    @Test
    void aTamperAlarmIsRaisedDeliveredAcknowledgedAndClearedWhenTheSwitchIsBack() {
        var a = f.alarms().raise(AlarmType.TAMPER, "tamper switch released", "");
        var stored = f.alarmStore.get(a.id()).orElseThrow();
        assertThat(stored.state()).as("the test centre took it at once").isEqualTo(AlarmState.DELIVERED);
        assertThat(f.events).extracting(e -> e.topic()).contains("alarm/tamper/raised", "alarm/tamper/delivered");
        f.alarms().acknowledge(a.id(), "admin");
        assertThat(f.alarmStore.get(a.id()).orElseThrow().state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        f.alarms().conditionEnded(AlarmType.TAMPER);
        var cleared = f.alarmStore.get(a.id()).orElseThrow();
        assertThat(cleared.state()).isEqualTo(AlarmState.CLEARED);
        assertThat(cleared.acknowledgedBy()).isEqualTo("admin");
        assertThat(f.alarms().active()).isEmpty();
    }

    @Test
    void anAlarmWhoseConditionEndedFirstIsClearedByItsAcknowledgement() {
        var a = f.alarms().raise(AlarmType.TAMPER, "x", "");
        f.alarms().conditionEnded(AlarmType.TAMPER);
        assertThat(f.alarms().active()).hasSize(1);
        f.alarms().acknowledge(a.id(), "admin");
        assertThat(f.alarmStore.get(a.id()).orElseThrow().state()).isEqualTo(AlarmState.CLEARED);
    }

    @Test
    void acknowledgingTwiceOrAnUnknownAlarmIsRefusedAndChangesNothing() {
        var a = f.alarms().raise(AlarmType.DURESS, "x", "101");
        assertThat(f.alarms().acknowledge(a.id(), "admin")).isInstanceOf(Result.Applied.class);
        var before = f.alarmStore.get(a.id()).orElseThrow();
        assertThat(f.alarms().acknowledge(a.id(), "other")).isInstanceOf(Result.Rejected.class);
        assertThat(f.alarms().acknowledge(999, "other")).isInstanceOf(Result.Rejected.class);
        assertThat(f.alarmStore.get(a.id()).orElseThrow()).isEqualTo(before);
    }

    @Test
    void aSoundingAlarmRingsForTheAlarmSoundTimeAndTheDuressAlarmNever() {
        try (var sounder = new AlarmSounder(f.bus, f.outputs, f.scheduler, () -> f.settings.alarmSound())) {
            f.alarms().raise(AlarmType.DURESS, "x", "101");
            assertThat(f.outputs.played).isEmpty();
            f.alarms().raise(AlarmType.TAMPER, "x", "");
            assertThat(f.outputs.played).containsExactly("alarm");
            f.advance(Duration.ofMillis(14_999));
            assertThat(f.outputs.played).containsExactly("alarm");
            f.advance(Duration.ofMillis(1));
            assertThat(f.outputs.played).containsExactly("alarm", "silence");
        }
    }
}
