package org.openvto.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestResponse;
import org.openvto.digest.DigestVerifier;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.transaction.RecordingContext;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transaction.TransactionUser;

/**
 * The registrar answers without transaction state (RFC 3261 §8.2.7) and still behaves as a stateful one for
 * retransmissions: a retransmitted REGISTER gets its 200 again, never a 500 or a new challenge.
 */
class StatelessRegistrarTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final List<String> timersScheduled = new ArrayList<>();
    private final Map<String, List<Binding>> stored = new HashMap<>();
    private final LocationService locations = new LocationService(
            new BindingStore() {
                @Override
                public List<Binding> loadAll() {
                    return List.of();
                }

                @Override
                public void replace(String user, List<Binding> bindings) {
                    stored.put(user, bindings);
                }
            },
            clock);
    private final SipDigestAuth auth = new SipDigestAuth(
            "VDP", user -> Optional.ofNullable(Map.of("101#0", "Pw-101").get(user)), clock);
    private final Registrar registrar =
            new Registrar(RegistrarConfig.DEFAULT, ServedDomains.of("VDP", "10.0.0.1"), auth, locations, clock);
    private final TransactionLayer layer = new TransactionLayer(TransactionTimers.DEFAULT);
    private final RecordingContext udp = new RecordingContext(
            false,
            (delay, task) -> {
                timersScheduled.add(delay.toString());
                return () -> {};
            },
            () -> 0L);

    StatelessRegistrarTest() {
        layer.setUser(new TransactionUser() {
            @Override
            public void onRequest(SipRequest request, org.openvto.sip.transaction.ServerTransactionHandle tx) {
                registrar.register(request, tx, "10.0.0.2:5062", "UDP");
            }
        });
    }

    private static SipRequest register(String branch, long cseq, String authorization) {
        SipRequest r = new SipRequest("REGISTER", "sip:VDP");
        r.headers().add("Via", "SIP/2.0/UDP 10.0.0.2:5062;branch=" + branch);
        r.headers().add("Max-Forwards", "70");
        r.headers().add("From", "<sip:101%230@VDP>;tag=vth");
        r.headers().add("To", "<sip:101%230@VDP>");
        r.headers().add("Call-ID", "reg-1@10.0.0.2");
        r.headers().add("CSeq", cseq + " REGISTER");
        r.headers().add("Contact", "<sip:101%230@10.0.0.2:5062>");
        r.headers().add("Expires", "60");
        if (authorization != null) {
            r.headers().add("Authorization", authorization);
        }
        return r;
    }

    private static String credentials(String challenge, String nc) {
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(m.find()).isTrue();
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, "101#0", "VDP", "Pw-101");
        var unsigned = new DigestResponse(
                "101#0", "VDP", m.group(1), "sip:VDP", "", DigestAlgorithm.MD5, "auth", "0a4f", nc, null);
        return "Digest username=\"101#0\", realm=\"VDP\", nonce=\"" + m.group(1) + "\", uri=\"sip:VDP\", response=\""
                + DigestVerifier.expectedResponse(unsigned, "REGISTER", ha1) + "\", algorithm=MD5, qop=auth, nc=" + nc
                + ", cnonce=\"0a4f\"";
    }

    private SipResponse last() {
        return (SipResponse) udp.sent.get(udp.sent.size() - 1);
    }

    private String challengeFor(String branch, long cseq) {
        layer.receive(register(branch, cseq, null), udp);
        assertThat(last().statusCode()).isEqualTo(401);
        return last().headers().get("WWW-Authenticate");
    }

    @Test
    void challengeAndSuccessLeaveNoTransactionAndNoTimerBehind() {
        String credentials = credentials(challengeFor("z9hG4bK-1", 1), "00000001");
        layer.receive(register("z9hG4bK-2", 2, credentials), udp);
        assertThat(last().statusCode()).isEqualTo(200);
        assertThat(last().headers().get("Contact")).isEqualTo("<sip:101%230@10.0.0.2:5062>;expires=60");
        assertThat(layer.sizes()).containsExactly(0, 0);
        assertThat(timersScheduled).as("no Timer J per REGISTER").isEmpty();
        assertThat(stored.get("101#0"))
                .singleElement()
                .satisfies(b -> assertThat(b.registerId()).isEqualTo("z9hG4bK-2|10.0.0.2:5062|REGISTER"));
    }

    @Test
    void aRetransmittedRegisterIsAnsweredWithItsTwoHundredAgainAndChangesNothing() {
        String credentials = credentials(challengeFor("z9hG4bK-1", 1), "00000001");
        layer.receive(register("z9hG4bK-2", 2, credentials), udp);
        SipResponse first = last();
        List<Binding> before = locations.lookup("101#0");
        layer.receive(register("z9hG4bK-2", 2, credentials), udp); // the 200 was lost: the UAC retransmits
        assertThat(last().statusCode()).isEqualTo(200);
        assertThat(last().headers().get("Contact")).isEqualTo(first.headers().get("Contact"));
        assertThat(last().headers().get("To"))
                .as("same To tag")
                .isEqualTo(first.headers().get("To"));
        assertThat(locations.lookup("101#0")).isEqualTo(before);
    }

    @Test
    void theSameCredentialsInANewTransactionAreChallengedAsAReplay() {
        String credentials = credentials(challengeFor("z9hG4bK-1", 1), "00000001");
        layer.receive(register("z9hG4bK-2", 2, credentials), udp);
        layer.receive(register("z9hG4bK-replay", 2, credentials), udp);
        assertThat(last().statusCode()).isEqualTo(401);
        assertThat(locations.lookup("101#0"))
                .singleElement()
                .satisfies(b -> assertThat(b.registerId()).startsWith("z9hG4bK-2|"));
    }

    @Test
    void anOlderCSeqOfTheSameCallIdStillFails() {
        String challenge = challengeFor("z9hG4bK-1", 1);
        layer.receive(register("z9hG4bK-2", 5, credentials(challenge, "00000001")), udp);
        assertThat(last().statusCode()).isEqualTo(200);
        layer.receive(register("z9hG4bK-3", 4, credentials(challenge, "00000002")), udp);
        assertThat(last().statusCode()).isEqualTo(500); // §10.3 step 7
        assertThat(locations.lookup("101#0"))
                .singleElement()
                .satisfies(b -> assertThat(b.cseq()).isEqualTo(5));
    }
}
