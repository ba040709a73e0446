package org.openvto.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestHeaderParserTest {
    @Test
    void unescapesQuotedStringsAndIgnoresParameterOrderAndCase() {
        var result = DigestHeaderParser.parse(
                "digest  RESPONSE=\"abc\" ,Realm = \"a \\\"q\\\" b\",nonce=n1,uri=\"/x?a=1&b=2\",username=\"101#0\"");
        assertThat(result).isInstanceOf(DigestParseResult.Parsed.class);
        DigestResponse r = ((DigestParseResult.Parsed) result).response();
        assertThat(r.realm()).isEqualTo("a \"q\" b");
        assertThat(r.username()).isEqualTo("101#0");
        assertThat(r.uri()).isEqualTo("/x?a=1&b=2");
        assertThat(r.algorithm()).isEqualTo(DigestAlgorithm.MD5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Basic YWRtaW46eA==",
                "Digest",
                "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/\"",
                "Digest username=\"a\", username=\"b\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\"",
                "Digest username=\"a, realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\"",
                "Digest username=\"a\" realm=\"r\"",
                "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", qop=auth",
                "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", algorithm=MD5-sess",
                "Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", qop=auth, cnonce=c, nc=1",
                "Digest =x",
                "Digest username"
            })
    void reportsMalformedHeadersAsValues(String header) {
        assertThat(DigestHeaderParser.parse(header)).isInstanceOf(DigestParseResult.Malformed.class);
    }

    @Test
    void rejectsOverlongHeaders() {
        String header = "Digest username=\"" + "a".repeat(5000) + "\"";
        assertThat(DigestHeaderParser.parse(header)).isInstanceOf(DigestParseResult.Malformed.class);
    }
}
