package org.openvto.web.internal.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openvto.security.AccountService.PreparedPassword;
import org.openvto.testkit.ManualClock;

/** Device Init's two screens: the checked password waits under a random token for 15 minutes, at most 16 of them. */
class PendingInitsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final PendingInits pending = new PendingInits(clock);
    private final PreparedPassword prepared = new PreparedPassword("admin", "$argon2id$hash", "secrets");

    @Test
    void aTokenFindsItsPasswordUntilFifteenMinutesHavePassed() {
        String token = pending.put(prepared);
        clock.advance(Duration.ofMinutes(15));
        assertThat(pending.get(token)).contains(prepared);
        clock.advance(Duration.ofMillis(1));
        assertThat(pending.get(token)).isEmpty();
    }

    @Test
    void unknownMissingAndRemovedTokensFindNothing() {
        String token = pending.put(prepared);
        assertThat(pending.get("forged")).isEmpty();
        assertThat(pending.get(null)).isEmpty();
        pending.remove(token);
        assertThat(pending.get(token)).isEmpty();
    }

    @Test
    void tokensAreRandomAndAFloodCannotGrowTheTableBeyondSixteen() {
        String first = pending.put(prepared);
        String second = pending.put(prepared);
        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(20);
        for (int i = 0; i < 15; i++) {
            pending.put(prepared);
        }
        assertThat(pending.get(first))
                .as("the 17th entry cleared the full table")
                .isEmpty();
    }
}
