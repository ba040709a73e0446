package org.openvto.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.sip.registrar.DigestFixture.credentials;
import static org.openvto.sip.registrar.DigestFixture.nonceOf;
import static org.openvto.sip.registrar.DigestFixture.register;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.transaction.RecordingContext;
import org.openvto.sip.transaction.ServerTransactionHandle;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transaction.TransactionUser;
import org.openvto.testkit.ManualClock;

/** Password guessing against SIP digest: the (account, source IP) pair is locked after 5 wrong answers. */
class SipLockoutTest {
    private static final String ATTACKER = "10.0.0.66";
    private static final String DEVICE = "10.0.0.2";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final List<String> locks = new ArrayList<>();
    private final SipAuthListener listener = new SipAuthListener() {
        @Override
        public void onLocked(String account, String sourceIp, int failures, Instant until) {
            locks.add(account + "@" + sourceIp + " after " + failures + " until " + until);
        }

        @Override
        public void onBanned(String sourceIp, int requests, Instant until) {}
    };
    private final SipAuthGuard guard = new SipAuthGuard(SipAuthPolicy.DEFAULT, clock, listener);
    private final SipDigestAuth auth = new SipDigestAuth(
            "VDP",
            user -> Optional.ofNullable(Map.of("101#0", "Pw-101").get(user)),
            clock,
            List.of(DigestAlgorithm.MD5),
            guard);
    private int nc;

    private SipDigestAuth.Outcome attempt(String source, String user, String password) {
        String nonce = nonceOf(auth.challenges(false).get(0));
        return auth.check(
                register(source, credentials(user, password, nonce, String.format("%08x", ++nc))), "Authorization");
    }

    private void guessWrong(String source, String user, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(attempt(source, user, "guess-" + i)).isInstanceOf(SipDigestAuth.Outcome.Forbidden.class);
        }
    }

    @Test
    void fiveWrongPasswordsLockThePairSoEvenTheRightPasswordIsRefused() {
        guessWrong(ATTACKER, "101#0", 4);
        assertThat(attempt(ATTACKER, "101#0", "Pw-101"))
                .as("4 failures: not yet locked")
                .isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
        guessWrong(ATTACKER, "101#0", 5);
        assertThat(attempt(ATTACKER, "101#0", "Pw-101")).isEqualTo(new SipDigestAuth.Outcome.Forbidden("locked"));
        assertThat(guard.lockouts()).isEqualTo(1);
        assertThat(guard.refusedWhileLocked()).isEqualTo(1);
    }

    @Test
    void theSameAccountFromAnotherSourceKeepsWorking() {
        guessWrong(ATTACKER, "101#0", 10);
        assertThat(attempt(DEVICE, "101#0", "Pw-101")).isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
    }

    @Test
    void theLockEndsAfterTheLockoutDuration() {
        guessWrong(ATTACKER, "101#0", 5);
        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(attempt(ATTACKER, "101#0", "Pw-101")).isEqualTo(new SipDigestAuth.Outcome.Forbidden("locked"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempt(ATTACKER, "101#0", "Pw-101")).isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
    }

    @Test
    void theListenerHearsOfEachLockOnceNotOfEachRefusal() {
        guessWrong(ATTACKER, "101#0", 50);
        assertThat(locks).containsExactly("101#0@10.0.0.66 after 5 until 2026-11-27T10:30:00Z");
        clock.advance(Duration.ofMinutes(30));
        guessWrong(ATTACKER, "101#0", 5);
        assertThat(locks).hasSize(2);
    }

    @Test
    void unknownUsersAreLockedExactlyLikeKnownOnes() {
        guessWrong(ATTACKER, "999#0", 5);
        guessWrong(ATTACKER, "101#0", 5);
        assertThat(attempt(ATTACKER, "999#0", "whatever"))
                .isEqualTo(attempt(ATTACKER, "101#0", "Pw-101"))
                .isEqualTo(new SipDigestAuth.Outcome.Forbidden("locked"));
        assertThat(locks).hasSize(2).first().asString().startsWith("999#0@10.0.0.66");
    }

    @Test
    void aSuccessForgetsThePairsFailures() {
        guessWrong(DEVICE, "101#0", 4);
        assertThat(attempt(DEVICE, "101#0", "Pw-101")).isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
        guessWrong(DEVICE, "101#0", 4);
        assertThat(attempt(DEVICE, "101#0", "Pw-101")).isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
        assertThat(guard.lockouts()).isZero();
    }

    @Test
    void failuresOlderThanTheLockoutDurationAreForgotten() {
        guessWrong(DEVICE, "101#0", 4);
        clock.advance(Duration.ofMinutes(30));
        guessWrong(DEVICE, "101#0", 4);
        assertThat(guard.lockouts()).isZero();
    }

    @Test
    void theFailureTableIsBoundedAndForgetsTheOldestPairFirst() {
        var small = new SipAuthGuard(
                new SipAuthPolicy(false, 5, Duration.ofMinutes(30), 0, Duration.ofSeconds(60), 100), clock, listener);
        small.failed("101#0", "10.1.0.0");
        small.failed("101#0", "10.1.0.0");
        for (int i = 1; i <= 150; i++) {
            small.failed("101#0", "10.1.0." + i);
        }
        assertThat(small.tracked()).isEqualTo(100);
        assertThat(small.evictions()).isEqualTo(51);
        for (int i = 0; i < 3; i++) {
            small.failed("101#0", "10.1.0.0"); // its first two failures were evicted: 3 of 5
        }
        assertThat(small.lockouts()).isZero();
    }

    @Test
    void theRegistrarAnswersALockedPair403WithoutAChallenge() {
        var registrar = new Registrar(
                RegistrarConfig.DEFAULT,
                ServedDomains.of("VDP", "10.0.0.1"),
                auth,
                new LocationService(
                        new BindingStore() {
                            @Override
                            public List<Binding> loadAll() {
                                return List.of();
                            }

                            @Override
                            public void replace(String user, List<Binding> bindings) {}
                        },
                        clock),
                clock);
        var layer = new TransactionLayer(TransactionTimers.DEFAULT);
        var udp = new RecordingContext(false, (delay, task) -> () -> {}, () -> 0L);
        layer.setUser(new TransactionUser() {
            @Override
            public void onRequest(SipRequest request, ServerTransactionHandle tx) {
                registrar.register(request, tx, ATTACKER + ":5062", "UDP");
            }
        });
        guessWrong(ATTACKER, "101#0", 5);
        String nonce = nonceOf(auth.challenges(false).get(0));
        layer.receive(register(ATTACKER, credentials("101#0", "Pw-101", nonce, "00000001")), udp);
        SipResponse answer = (SipResponse) udp.sent.get(udp.sent.size() - 1);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().get("WWW-Authenticate")).isNull();
    }
}
