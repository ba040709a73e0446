package org.openvto.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestResponse;
import org.openvto.digest.DigestVerifier;
import org.openvto.sip.codec.SipRequest;

/** SIP digest (RFC 3261 §22, RFC 8760): MD5 and SHA-256, nonce counts, no user enumeration. */
class SipDigestAuthTest {
    private final SipDigestAuth auth = new SipDigestAuth(
            "VDP", user -> Optional.ofNullable(Map.of("101#0", "Pw-101").get(user)), Clock.systemUTC());

    private static String nonceOf(String challenge) {
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private SipRequest register(String user, String password, DigestAlgorithm algorithm, String nonce, String nc) {
        SipRequest r = new SipRequest("REGISTER", "sip:VDP");
        String uri = "sip:VDP";
        String ha1 = DigestVerifier.ha1(algorithm, user, "VDP", password);
        var unsigned = new DigestResponse(user, "VDP", nonce, uri, "", algorithm, "auth", "c0ffee", nc, null);
        String response = DigestVerifier.expectedResponse(unsigned, "REGISTER", ha1);
        r.headers()
                .add(
                        "Authorization",
                        "Digest username=\"" + user + "\", realm=\"VDP\", nonce=\"" + nonce + "\", uri=\""
                                + uri + "\", response=\"" + response + "\", algorithm=" + algorithm.token()
                                + ", qop=auth, nc=" + nc
                                + ", cnonce=\"c0ffee\"");
        return r;
    }

    @Test
    void acceptsMd5AndSha256ResponsesAndRefusesAReplayedNonceCount() {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            String nonce = nonceOf(auth.challenges(false).get(0));
            assertThat(auth.check(register("101#0", "Pw-101", algorithm, nonce, "00000001"), "Authorization"))
                    .isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
            assertThat(auth.check(register("101#0", "Pw-101", algorithm, nonce, "00000001"), "Authorization"))
                    .as("same nonce count again")
                    .isInstanceOf(SipDigestAuth.Outcome.Replayed.class);
        }
    }

    @Test
    void offersOneChallengePerConfiguredAlgorithmMostPreferredFirstWithOneNonce() {
        var both = new SipDigestAuth(
                "VDP",
                user -> Optional.of("Pw-101"),
                Clock.systemUTC(),
                java.util.List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
                new SipAuthGuard(SipAuthPolicy.DEFAULT, Clock.systemUTC(), SipAuthListener.NONE));
        var challenges = both.challenges(true);
        assertThat(challenges).hasSize(2);
        assertThat(challenges.get(0)).contains("algorithm=SHA-256").endsWith("stale=true");
        assertThat(challenges.get(1)).contains("algorithm=MD5");
        assertThat(nonceOf(challenges.get(0))).isEqualTo(nonceOf(challenges.get(1)));
        String nonce = nonceOf(challenges.get(0));
        assertThat(both.check(register("101#0", "Pw-101", DigestAlgorithm.SHA_256, nonce, "00000001"), "Authorization"))
                .isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
    }

    @Test
    void aWrongPasswordDoesNotUseUpTheNonceCount() {
        String nonce = nonceOf(auth.challenges(false).get(0));
        assertThat(auth.check(register("101#0", "nope", DigestAlgorithm.MD5, nonce, "00000001"), "Authorization"))
                .isInstanceOf(SipDigestAuth.Outcome.Forbidden.class);
        assertThat(auth.check(register("101#0", "Pw-101", DigestAlgorithm.MD5, nonce, "00000001"), "Authorization"))
                .isEqualTo(new SipDigestAuth.Outcome.Ok("101#0"));
    }

    @Test
    void unknownUsersAndWrongPasswordsLookTheSame() {
        var wrong = auth.check(
                register(
                        "101#0",
                        "nope",
                        DigestAlgorithm.MD5,
                        nonceOf(auth.challenges(false).get(0)),
                        "00000001"),
                "Authorization");
        var unknown = auth.check(
                register(
                        "999#0",
                        "nope",
                        DigestAlgorithm.MD5,
                        nonceOf(auth.challenges(false).get(0)),
                        "00000001"),
                "Authorization");
        assertThat(wrong).isEqualTo(unknown).isInstanceOf(SipDigestAuth.Outcome.Forbidden.class);
    }

    @Test
    void missingOrForeignCredentialsAreChallenged() {
        assertThat(auth.check(new SipRequest("REGISTER", "sip:VDP"), "Authorization"))
                .isEqualTo(new SipDigestAuth.Outcome.Challenge(false));
        assertThat(auth.check(register("101#0", "Pw-101", DigestAlgorithm.MD5, "forged", "00000001"), "Authorization"))
                .isInstanceOf(SipDigestAuth.Outcome.Challenge.class);
        assertThat(auth.challenges(false).get(0))
                .startsWith("Digest realm=\"VDP\", qop=\"auth\", algorithm=MD5, nonce=\"");
    }
}
