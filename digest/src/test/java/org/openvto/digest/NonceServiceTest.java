package org.openvto.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openvto.testkit.ManualClock;

class NonceServiceTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final NonceService nonces = new NonceService(clock, Duration.ofMinutes(5), 100);

    @Test
    void nonceCountMustIncrease() {
        String n = nonces.issue();
        assertThat(nonces.check(n, "00000001", true)).isEqualTo(NonceService.Check.VALID);
        assertThat(nonces.check(n, "00000001", true)).isEqualTo(NonceService.Check.REPLAYED);
        assertThat(nonces.check(n, "00000002", true)).isEqualTo(NonceService.Check.VALID);
    }

    @Test
    void expiredNonceIsStaleAndForgedNonceInvalid() {
        String n = nonces.issue();
        clock.advance(Duration.ofMinutes(6));
        assertThat(nonces.check(n, "00000001", true)).isEqualTo(NonceService.Check.STALE);
        String forged = n.substring(0, n.length() - 2) + (n.endsWith("AA") ? "BB" : "AA");
        assertThat(nonces.check(forged, "00000001", true)).isEqualTo(NonceService.Check.INVALID);
        assertThat(nonces.check("not base64!", null, false)).isEqualTo(NonceService.Check.INVALID);
        String other = new NonceService(clock, Duration.ofMinutes(5), 100).issue();
        assertThat(nonces.check(other, "00000001", true)).isEqualTo(NonceService.Check.INVALID);
    }

    @Test
    void missingNonceCountIsAcceptedOnlyWhenAllowed() {
        String n = nonces.issue();
        assertThat(nonces.check(n, null, true)).isEqualTo(NonceService.Check.INVALID);
        assertThat(nonces.check(n, null, false)).isEqualTo(NonceService.Check.VALID);
    }

    @Test
    void aFullTableEvictsTheOldestInsteadOfRefusingNewNoncesAndNeverReopensAReplay() {
        NonceService small = new NonceService(clock, Duration.ofMinutes(5), 3);
        String first = small.issue();
        assertThat(small.check(first, "00000001", true)).isEqualTo(NonceService.Check.VALID);
        clock.advance(Duration.ofMillis(1));
        for (int i = 0; i < 10; i++) {
            String n = small.issue();
            assertThat(small.check(n, "00000001", true)).as("nonce %d", i).isEqualTo(NonceService.Check.VALID);
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(small.check(first, "00000002", true))
                .as("evicted: the client must fetch a new nonce")
                .isEqualTo(NonceService.Check.STALE);
    }
}
