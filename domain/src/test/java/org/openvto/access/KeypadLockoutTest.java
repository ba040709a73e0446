package org.openvto.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openvto.testkit.ManualClock;

class KeypadLockoutTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final KeypadLockout lockout = new KeypadLockout(clock, 5, Duration.ofMinutes(5));

    @Test
    void theFifthWrongPasswordInARowLocksTheKeypadForItsTime() {
        for (int i = 0; i < 4; i++) {
            assertThat(lockout.wrong()).isEmpty();
        }
        assertThat(lockout.wrong()).contains(T0.plusSeconds(300));
        assertThat(lockout.lockedUntil()).contains(T0.plusSeconds(300));
        assertThat(lockout.wrong()).as("while locked nothing counts").isEmpty();
        clock.advance(Duration.ofSeconds(299));
        assertThat(lockout.lockedUntil()).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lockout.lockedUntil()).isEmpty();
    }

    @Test
    void aRightPasswordStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            lockout.wrong();
        }
        lockout.right();
        for (int i = 0; i < 4; i++) {
            assertThat(lockout.wrong()).isEmpty();
        }
        assertThat(lockout.lockedUntil()).isEmpty();
    }
}
