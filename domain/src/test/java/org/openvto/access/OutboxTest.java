package org.openvto.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvto.alarm.AlarmState;
import org.openvto.alarm.AlarmType;
import org.openvto.centre.Outbox;
import org.openvto.centre.OutboxMessage;

class OutboxTest {
    private final AccessFixture f = new AccessFixture();

    @Test
    void anUnreachableCentreGetsEveryAlarmInOrderOnceItIsBackRetryingWithBackOff() {
        f.centre.up = false;
        for (int i = 0; i < 3; i++) {
            f.alarms().raise(AlarmType.TAMPER, "n" + i, "");
        }
        assertThat(f.outboxStore.head("test").orElseThrow().attempts()).isEqualTo(1);
        f.advance(Duration.ofSeconds(1)); // 2nd attempt after 1 s
        f.advance(Duration.ofSeconds(2)); // 3rd after 2 s more
        assertThat(f.outboxStore.head("test").orElseThrow().attempts()).isEqualTo(3);
        assertThat(f.outboxStore.head("test").orElseThrow().lastError()).isEqualTo("centre down");
        f.centre.up = true;
        f.advance(Duration.ofMillis(3_999));
        assertThat(f.centre.received).isEmpty();
        f.advance(Duration.ofMillis(1)); // 4th attempt after 4 s
        assertThat(f.centre.received)
                .extracting(OutboxMessage::key)
                .containsExactly("vto-alarm-1", "vto-alarm-2", "vto-alarm-3");
        assertThat(f.alarms().active()).allMatch(a -> a.state() == AlarmState.DELIVERED);
        assertThat(f.outboxStore.pending("")).isZero();
    }

    @Test
    void theBackOffDoublesUpToItsCap() {
        f.centre.up = false;
        f.alarms().raise(AlarmType.TAMPER, "x", "");
        for (int i = 0; i < 12; i++) {
            f.advance(Duration.ofSeconds(60));
        }
        var head = f.outboxStore.head("test").orElseThrow();
        // attempts at 0, 1, 3, 7, 15, 31, 63 s, then every 60 s (123 … 663): 7 + 10 in 12 minutes
        assertThat(head.attempts()).isEqualTo(17);
        assertThat(Duration.between(f.clock.instant(), head.nextAttempt())).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aRestartedOutboxResumesWhatThePreviousOneLeftPendingAndSendsNoneTwice() {
        f.centre.up = false;
        f.alarms().raise(AlarmType.DURESS, "x", "101");
        f.alarms().raise(AlarmType.TAMPER, "y", "");
        f.outbox.close(); // the VTO is killed
        f.centre.up = true;
        Outbox restarted = new Outbox(
                f.outboxStore,
                List.of(f.centre),
                f.scheduler,
                Runnable::run,
                f.clock,
                Duration.ofSeconds(60),
                k -> f.alarms().delivered(k));
        f.advance(Duration.ofSeconds(1));
        assertThat(f.centre.received).as("nothing before start").isEmpty();
        restarted.start();
        f.advance(Duration.ofMinutes(5));
        assertThat(f.centre.received).extracting(OutboxMessage::key).containsExactly("vto-alarm-1", "vto-alarm-2");
    }
}
