package org.openvto.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.sip.registrar.DigestFixture.credentials;
import static org.openvto.sip.registrar.DigestFixture.nonceOf;
import static org.openvto.sip.registrar.DigestFixture.register;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.ManualClock;

/** A source sending more unauthenticated requests per second than the limit is banned for a while. */
class SipFloodBanTest {
    private static final String FLOODER = "10.0.0.66";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final List<String> bans = new ArrayList<>();
    private final SipAuthListener listener = new SipAuthListener() {
        @Override
        public void onLocked(String account, String sourceIp, int failures, Instant until) {}

        @Override
        public void onBanned(String sourceIp, int requests, Instant until) {
            bans.add(sourceIp + " " + requests + " until " + until);
        }
    };

    private SipAuthGuard guard(int perSecond) {
        return new SipAuthGuard(
                new SipAuthPolicy(false, 5, Duration.ofMinutes(30), perSecond, Duration.ofSeconds(60), 10_000),
                clock,
                listener);
    }

    @Test
    void oneRequestOverTheLimitWithinASecondBansTheSourceForTheBanTime() {
        SipAuthGuard guard = guard(10);
        for (int i = 0; i < 10; i++) {
            guard.unauthenticated(FLOODER);
        }
        assertThat(guard.banned(FLOODER)).isFalse();
        guard.unauthenticated(FLOODER);
        assertThat(guard.anyBanned()).isTrue();
        assertThat(guard.banned(FLOODER)).isTrue();
        assertThat(guard.banned("10.0.0.2")).as("other sources").isFalse();
        assertThat(bans).containsExactly("10.0.0.66 11 until 2026-11-27T10:01:00Z");
        assertThat(guard.floodBans()).isEqualTo(1);
        assertThat(guard.droppedWhileBanned()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(60));
        assertThat(guard.banned(FLOODER)).as("ban over").isFalse();
    }

    @Test
    void theCountStartsAgainEverySecond() {
        SipAuthGuard guard = guard(10);
        for (int s = 0; s < 5; s++) {
            for (int i = 0; i < 10; i++) {
                guard.unauthenticated(FLOODER);
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(guard.floodBans()).isZero();
    }

    @Test
    void zeroMeansNoLimit() {
        SipAuthGuard guard = guard(0);
        for (int i = 0; i < 100_000; i++) {
            guard.unauthenticated(FLOODER);
        }
        assertThat(guard.anyBanned()).isFalse();
        assertThat(guard.tracked()).isZero();
    }

    @Test
    void registrationsThatAuthenticateCostOneCountEach() {
        SipAuthGuard guard = guard(10);
        SipDigestAuth auth =
                new SipDigestAuth("VDP", user -> Optional.of("Pw-101"), clock, List.of(DigestAlgorithm.MD5), guard);
        for (int i = 0; i < 10; i++) { // REGISTER → 401 → REGISTER with credentials → 200, ten times in one second
            assertThat(auth.check(register(FLOODER, null), "Authorization"))
                    .isInstanceOf(SipDigestAuth.Outcome.Challenge.class);
            String nonce = nonceOf(auth.challenges(false).get(0));
            assertThat(auth.check(
                            register(FLOODER, credentials("101#0", "Pw-101", nonce, "00000001")), "Authorization"))
                    .isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
        }
        assertThat(guard.floodBans()).isZero();
        auth.check(register(FLOODER, null), "Authorization");
        assertThat(guard.floodBans()).as("the eleventh challenge").isEqualTo(1);
    }

    @Test
    void theSourceTableIsBounded() {
        SipAuthGuard guard = new SipAuthGuard(
                new SipAuthPolicy(false, 5, Duration.ofMinutes(30), 10, Duration.ofSeconds(60), 100), clock, listener);
        for (int i = 0; i < 1_000; i++) {
            guard.unauthenticated("10.2." + (i / 256) + "." + (i % 256));
        }
        assertThat(guard.tracked()).isEqualTo(100);
        assertThat(guard.evictions()).isEqualTo(900);
    }
}
