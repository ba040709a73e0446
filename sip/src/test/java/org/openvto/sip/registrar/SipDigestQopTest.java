package org.openvto.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.sip.registrar.DigestFixture.credentials;
import static org.openvto.sip.registrar.DigestFixture.nonceOf;
import static org.openvto.sip.registrar.DigestFixture.register;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.ManualClock;

/** Challenges offer qop=auth; an answer without qop (RFC 2069) is refused unless old devices are allowed. */
class SipDigestQopTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));

    private SipDigestAuth auth(boolean allowNoQop) {
        SipAuthPolicy p = SipAuthPolicy.DEFAULT;
        var policy = new SipAuthPolicy(
                allowNoQop,
                p.lockoutFailures(),
                p.lockoutDuration(),
                p.floodRequestsPerSecond(),
                p.floodBan(),
                p.maxTracked());
        return new SipDigestAuth(
                "VDP",
                user -> Optional.of("Pw-101").filter(x -> user.equals("101#0")),
                clock,
                List.of(DigestAlgorithm.MD5),
                new SipAuthGuard(policy, clock, SipAuthListener.NONE));
    }

    private static SipDigestAuth.Outcome answer(SipDigestAuth auth, String nonce, String nc) {
        return auth.check(register("10.0.0.2", credentials("101#0", "Pw-101", nonce, nc)), "Authorization");
    }

    @Test
    void aRightPasswordWithoutQopIsForbiddenByDefault() {
        SipDigestAuth auth = auth(false);
        String nonce = nonceOf(auth.challenges(false).get(0));
        assertThat(answer(auth, nonce, null)).isEqualTo(new SipDigestAuth.Outcome.Forbidden("credentials without qop"));
    }

    @Test
    void refusedAnswersWithoutQopAreNoPasswordGuessesAndLockNothing() {
        SipDigestAuth auth = auth(false);
        String nonce = nonceOf(auth.challenges(false).get(0));
        for (int i = 0; i < 10; i++) {
            answer(auth, nonce, null);
        }
        assertThat(auth.guard().lockouts()).isZero();
        assertThat(answer(auth, nonce, "00000001")).isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
    }

    @Test
    void withTheSwitchAnOldDeviceAuthenticatesWithoutQop() {
        SipDigestAuth auth = auth(true);
        assertThat(answer(auth, nonceOf(auth.challenges(false).get(0)), null))
                .isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
    }

    /**
     * The risk the switch takes: without a nonce count, the very same credential is accepted again — a captured
     * REGISTER can be replayed (with any Contact: digest signs only method and URI) until the nonce expires.
     */
    @Test
    void withTheSwitchACapturedAnswerWithoutQopReplaysUntilTheNonceExpires() {
        SipDigestAuth auth = auth(true);
        String nonce = nonceOf(auth.challenges(false).get(0));
        assertThat(answer(auth, nonce, null)).isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
        clock.advance(Duration.ofMinutes(4));
        assertThat(answer(auth, nonce, null)).as("replayed").isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
        clock.advance(Duration.ofMinutes(2));
        assertThat(answer(auth, nonce, null)).as("nonce expired").isEqualTo(new SipDigestAuth.Outcome.Challenge(true));
    }

    @Test
    void withQopTheSameAnswerCannotBeReplayedEvenWithTheSwitch() {
        SipDigestAuth auth = auth(true);
        String nonce = nonceOf(auth.challenges(false).get(0));
        assertThat(answer(auth, nonce, "00000001")).isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
        assertThat(answer(auth, nonce, "00000001")).isEqualTo(new SipDigestAuth.Outcome.Replayed("101#0"));
    }
}
