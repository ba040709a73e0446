package org.openvto.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestHeaderParser;
import org.openvto.digest.DigestParseResult;
import org.openvto.digest.DigestVerifier;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transaction.FakeScheduler;
import org.openvto.sip.transaction.RecordingContext;
import org.openvto.sip.transaction.RecordingPaths;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transport.SipHop;
import org.openvto.testkit.ManualClock;
import org.openvto.testkit.ManualScheduler;

/**
 * The registration client with the real transaction layer and user agent client over a recording transport, the
 * registrar played by the test: RFC 3261 §10.2 requests, Digest answers, refresh, back-off — on fake time.
 */
class RegistrationTest {
    private static final String CONTACT = "sip:8001@10.0.0.1:5060;ua=openvto";
    private final FakeScheduler sipTimers = new FakeScheduler();
    private final TransactionLayer layer = new TransactionLayer(TransactionTimers.DEFAULT);
    private final RecordingPaths wire = new RecordingPaths(sipTimers);
    private final List<RecordingContext> paths = wire.paths;
    private final ManualScheduler timer = new ManualScheduler();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<Registration.State> states = new ArrayList<>();
    private final UserAgentClient client = new UserAgentClient(layer, wire, Runnable::run);
    private final Registration registration = new Registration(
            client,
            new Registration.Target(
                    "sip:VDP",
                    "sip:8001@VDP",
                    CONTACT,
                    SipHop.of(SipUri.parse("sip:10.0.0.1:5060"), null, null),
                    "8001",
                    "Reg#Pw1",
                    Duration.ofSeconds(3600)),
            timer,
            clock,
            states::add);

    private SipRequest last() {
        return (SipRequest) wire.last();
    }

    private void answer(int code, String reason, String... headers) {
        SipResponse r = SipResponse.createFor(last(), code, reason).withToTag("reg");
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1]);
        }
        layer.receive(r);
    }

    private static final String CHALLENGE = "Digest realm=\"VDP\", qop=\"auth\", algorithm=MD5, nonce=\"n1\"";

    @Test
    void registersWithDigestKeepingCallIdAndCountingCSeqAndRefreshesAMinuteEarly() {
        registration.start();
        SipRequest first = last();
        assertThat(first.startLine()).isEqualTo("REGISTER sip:VDP SIP/2.0");
        assertThat(first.headers().get("Contact")).isEqualTo("<" + CONTACT + ">");
        assertThat(first.headers().get("Expires")).isEqualTo("3600");
        assertThat(first.headers().get("Authorization")).isNull();
        answer(401, "Unauthorized", "WWW-Authenticate", CHALLENGE);

        SipRequest second = last();
        assertThat(second.callId()).isEqualTo(first.callId());
        assertThat(second.fromTag()).isEqualTo(first.fromTag());
        assertThat(second.cseq().number()).isEqualTo(first.cseq().number() + 1);
        var auth = ((DigestParseResult.Parsed)
                        DigestHeaderParser.parse(second.headers().get("Authorization")))
                .response();
        assertThat(auth.username()).isEqualTo("8001");
        assertThat(DigestVerifier.verify(
                        auth, "REGISTER", DigestVerifier.ha1(DigestAlgorithm.MD5, "8001", "VDP", "Reg#Pw1")))
                .isTrue();
        answer(200, "OK", "Contact", "<" + CONTACT + ">;expires=600");
        assertThat(registration.state())
                .isEqualTo(new Registration.State.Registered(clock.instant().plusSeconds(600)));

        int sent = paths.size();
        timer.advance(Duration.ofSeconds(539));
        assertThat(paths).hasSize(sent);
        timer.advance(Duration.ofSeconds(1));
        assertThat(paths).as("refreshed at 540 s of 600").hasSize(sent + 1);
        SipRequest refresh = last();
        assertThat(refresh.cseq().number()).isEqualTo(second.cseq().number() + 1);
        var again = ((DigestParseResult.Parsed)
                        DigestHeaderParser.parse(refresh.headers().get("Authorization")))
                .response();
        assertThat(again.nc()).as("the nonce is reused with the next count").isEqualTo("00000002");
    }

    @Test
    void aSecondChallengeAfterCredentialsIsAWrongPasswordAndRetriesWithBackOff() {
        registration.start();
        answer(401, "Unauthorized", "WWW-Authenticate", CHALLENGE);
        answer(401, "Unauthorized", "WWW-Authenticate", CHALLENGE.replace("n1", "n2"));
        assertThat(registration.state()).isInstanceOf(Registration.State.Failed.class);
        var failed = (Registration.State.Failed) registration.state();
        assertThat(failed.reason()).isEqualTo("401 Unauthorized: wrong user or password");
        assertThat(failed.retryAt()).isEqualTo(clock.instant().plusSeconds(2));

        int sent = paths.size();
        timer.advance(Duration.ofSeconds(2));
        assertThat(paths).hasSize(sent + 1);
        assertThat(last().headers().get("Authorization")).as("starts over").isNull();
        answer(403, "Forbidden");
        assertThat(((Registration.State.Failed) registration.state()).retryAt())
                .isEqualTo(clock.instant().plusSeconds(4));
    }

    @Test
    void aStaleNonceIsAnsweredAgainWithoutFailing() {
        registration.start();
        answer(401, "Unauthorized", "WWW-Authenticate", CHALLENGE);
        answer(401, "Unauthorized", "WWW-Authenticate", CHALLENGE.replace("n1", "n2") + ", stale=true");
        assertThat(registration.state()).isEqualTo(new Registration.State.Registering());
        var auth = ((DigestParseResult.Parsed)
                        DigestHeaderParser.parse(last().headers().get("Authorization")))
                .response();
        assertThat(auth.nonce()).isEqualTo("n2");
        assertThat(auth.nc()).isEqualTo("00000001");
    }

    @Test
    void intervalTooBriefAsksAgainWithMinExpires() {
        registration.start();
        answer(423, "Interval Too Brief", "Min-Expires", "7200");
        assertThat(last().headers().get("Expires")).isEqualTo("7200");
    }

    @Test
    void noAnswerFailsWithTheReasonAndBackOffDoublesUpToAMinute() {
        registration.start();
        sipTimers.advance(Duration.ofSeconds(32)); // Timer F
        assertThat(((Registration.State.Failed) registration.state()).reason()).isEqualTo("no answer: Timer F");
        assertThat(Registration.retryAfter(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(4));
        assertThat(Registration.retryAfter(Duration.ofSeconds(32))).isEqualTo(Duration.ofSeconds(60));
        assertThat(Registration.retryAfter(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(Registration.refreshAfter(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void closeRemovesTheBindingWithExpiresZero() {
        registration.start();
        answer(200, "OK", "Contact", "<" + CONTACT + ">;expires=3600");
        registration.close();
        assertThat(last().headers().get("Expires")).isEqualTo("0");
        assertThat(states).last().isEqualTo(new Registration.State.Stopped());
        int sent = paths.size();
        timer.advance(Duration.ofHours(2));
        assertThat(paths).as("no refresh after close").hasSize(sent);
    }
}
