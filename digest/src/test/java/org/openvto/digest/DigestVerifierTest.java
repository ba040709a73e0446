package org.openvto.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Uses the worked example of RFC 7616 §3.9.1. */
class DigestVerifierTest {
    private static final String HEADER_MD5 = """
            Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5,
             nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001,
             cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth,
             response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
            """;
    private static final String HEADER_SHA256 = HEADER_MD5
            .replace("algorithm=MD5", "algorithm=SHA-256")
            .replace(
                    "8ca523f5e9506fed4657c9700eebdbec",
                    "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");

    private static DigestResponse parse(String header) {
        var result = DigestHeaderParser.parse(header.replace("\n", ""));
        assertThat(result).isInstanceOf(DigestParseResult.Parsed.class);
        return ((DigestParseResult.Parsed) result).response();
    }

    @Test
    void acceptsTheRfc7616Md5Example() {
        DigestResponse r = parse(HEADER_MD5);
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, "Mufasa", "http-auth@example.org", "Circle of Life");
        assertThat(DigestVerifier.verify(r, "GET", ha1)).isTrue();
        assertThat(DigestVerifier.verify(r, "POST", ha1)).isFalse();
    }

    @Test
    void acceptsTheRfc7616Sha256Example() {
        DigestResponse r = parse(HEADER_SHA256);
        assertThat(r.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.SHA_256, "Mufasa", "http-auth@example.org", "Circle of Life");
        assertThat(DigestVerifier.verify(r, "GET", ha1)).isTrue();
        String wrong = DigestVerifier.ha1(DigestAlgorithm.SHA_256, "Mufasa", "http-auth@example.org", "circle of life");
        assertThat(DigestVerifier.verify(r, "GET", wrong)).isFalse();
    }

    @Test
    void verifiesResponsesWithoutQopAsOlderClientsSendThem() {
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, "admin", "Login to X", "Secret#42x");
        var base = new DigestResponse(
                "admin", "Login to X", "abc", "/cam", "", DigestAlgorithm.MD5, null, null, null, null);
        String good = DigestVerifier.expectedResponse(base, "DESCRIBE", ha1);
        var signed = new DigestResponse(
                "admin", "Login to X", "abc", "/cam", good.toUpperCase(), DigestAlgorithm.MD5, null, null, null, null);
        assertThat(DigestVerifier.verify(signed, "DESCRIBE", ha1)).isTrue();
    }
}
