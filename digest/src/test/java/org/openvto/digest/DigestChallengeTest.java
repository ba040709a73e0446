package org.openvto.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The client side: reading a server's challenge and answering it, checked against the RFC 7616 §3.9.1 example. */
class DigestChallengeTest {
    private static final String RFC_CHALLENGE = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\","
            + " algorithm=MD5, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
            + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    @Test
    void answersTheRfc7616ExampleWithItsResponse() {
        DigestChallenge c = DigestChallenge.parse(RFC_CHALLENGE).orElseThrow();
        String answer = c.answer(
                "Mufasa",
                "Circle of Life",
                "GET",
                "/dir/index.html",
                1,
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        assertThat(answer).contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"", "nc=00000001", "qop=auth");
        var parsed = (DigestParseResult.Parsed) DigestHeaderParser.parse(answer);
        assertThat(parsed.response().opaque()).isEqualTo("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
    }

    @Test
    void anAnswerWithoutQopIsTheRfc2069FormAndVerifies() {
        DigestChallenge c =
                DigestChallenge.parse("Digest realm=\"VDP\", nonce=\"abc\"").orElseThrow();
        String answer = c.answer("8001", "Pw#1", "REGISTER", "sip:VDP", 1, "x");
        assertThat(answer).doesNotContain("qop", "nc=", "cnonce");
        var r = ((DigestParseResult.Parsed) DigestHeaderParser.parse(answer)).response();
        assertThat(DigestVerifier.verify(r, "REGISTER", DigestVerifier.ha1(DigestAlgorithm.MD5, "8001", "VDP", "Pw#1")))
                .isTrue();
    }

    @Test
    void theStrongestChallengeIsAnswered() {
        var picked = DigestChallenge.strongest(List.of(
                "Digest realm=\"VDP\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"",
                "Digest realm=\"VDP\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth\""));
        assertThat(picked).map(DigestChallenge::algorithm).contains(DigestAlgorithm.SHA_256);
        String answer = picked.orElseThrow().answer("8001", "Pw#1", "INVITE", "sip:101@VDP", 2, "c");
        var r = ((DigestParseResult.Parsed) DigestHeaderParser.parse(answer)).response();
        assertThat(DigestVerifier.verify(
                        r, "INVITE", DigestVerifier.ha1(DigestAlgorithm.SHA_256, "8001", "VDP", "Pw#1")))
                .isTrue();
    }

    @Test
    void challengesThisStackCannotAnswerAreNone() {
        assertThat(DigestChallenge.parse("Basic realm=\"x\"")).isEmpty();
        assertThat(DigestChallenge.parse("Digest nonce=\"n\"")).as("no realm").isEmpty();
        assertThat(DigestChallenge.parse("Digest realm=\"r\"")).as("no nonce").isEmpty();
        assertThat(DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess"))
                .isEmpty();
        assertThat(DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\""))
                .isEmpty();
        assertThat(DigestChallenge.parse("Digest realm=\"r, nonce=\"n\""))
                .as("unterminated")
                .isEmpty();
        assertThat(DigestChallenge.parse(null)).isEmpty();
    }

    @Test
    void staleIsRead() {
        assertThat(DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", stale=TRUE")
                        .orElseThrow()
                        .stale())
                .isTrue();
    }
}
