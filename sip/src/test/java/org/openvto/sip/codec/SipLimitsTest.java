package org.openvto.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipLimitsTest {
    private static final SipLimits SMALL = new SipLimits(256, 10, 100, 2048);
    private final SipMessageDecoder decoder = new SipMessageDecoder(SMALL);

    private String reason(String message) {
        SipDecodeResult r = decoder.decodeDatagram(TestMessages.crlf(message));
        assertThat(r).isInstanceOf(SipDecodeResult.Malformed.class);
        return ((SipDecodeResult.Malformed) r).reason();
    }

    @Test
    void longHeaderLineNamesMaxLineLength() {
        String m = TestMessages.REGISTER.replace("Call-ID: a84b", "Call-ID: " + "x".repeat(300) + "a84b");
        assertThat(reason(m)).isEqualTo("header field exceeds maxLineLength (256)");
    }

    @Test
    void longFoldedHeaderNamesMaxLineLength() {
        String m = TestMessages.REGISTER.replace("Call-ID: a84b", "Call-ID: " + "x\n ".repeat(100) + "a84b");
        assertThat(reason(m)).isEqualTo("header field exceeds maxLineLength (256)");
    }

    @Test
    void longStartLineNamesMaxLineLength() {
        String m =
                TestMessages.REGISTER.replace("REGISTER sip:example.com", "REGISTER sip:" + "e".repeat(300) + ".com");
        assertThat(reason(m)).isEqualTo("start line exceeds maxLineLength (256)");
    }

    @Test
    void tooManyHeadersNamesMaxHeaderCount() {
        String m = TestMessages.REGISTER.replace("Max-Forwards: 70\n", "Max-Forwards: 70\n" + "X-A: 1\n".repeat(5));
        assertThat(reason(m)).isEqualTo("more than 10 header fields (maxHeaderCount)");
    }

    @Test
    void largeBodyNamesMaxBodyLength() {
        String m = TestMessages.REGISTER.replace("Content-Length: 0", "Content-Length: 101") + "b".repeat(101);
        assertThat(reason(m)).isEqualTo("body of 101 bytes exceeds maxBodyLength (100)");
        String noLength = TestMessages.REGISTER.replace("Content-Length: 0\n", "") + "b".repeat(101);
        assertThat(reason(noLength)).isEqualTo("body of 101 bytes exceeds maxBodyLength (100)");
    }

    @Test
    void largeDatagramNamesMaxMessageLength() {
        String m = TestMessages.REGISTER + "b".repeat(2048);
        assertThat(reason(m)).startsWith("datagram of ").endsWith("exceeds maxMessageLength (2048)");
    }

    @Test
    void outOfRangeScalarsHaveSpecificReasons() {
        SipMessageDecoder d = new SipMessageDecoder();
        String base = TestMessages.REGISTER;
        String[][] cases = {
            {"Max-Forwards: 70", "Max-Forwards: 256", "Max-Forwards out of range (0-255)"},
            {"Max-Forwards: 70", "Max-Forwards: seventy", "Max-Forwards is not numeric"},
            {"CSeq: 314159 REGISTER", "CSeq: 2147483648 REGISTER", "CSeq number out of range (must be < 2^31)"},
            {"CSeq: 314159 REGISTER", "CSeq: x REGISTER", "CSeq number is not numeric"},
            {"CSeq: 314159 REGISTER", "CSeq: 1", "CSeq has no method"},
            {"Content-Length: 0", "Content-Length: zero", "Content-Length is not a non-negative integer"},
            {"Content-Length: 0", "Content-Length: 99999999999", "Content-Length out of range"},
            {"Max-Forwards: 70", "Max-Forwards: 70\nExpires: 4294967296", "Expires out of range (must be < 2^32)"},
            {"Max-Forwards: 70", "Max-Forwards: 70\nExpires: soon", "Expires is not numeric"},
            {"SIP/2.0\n", "SIP/2\n", "bad SIP version in request line"},
            {"REGISTER sip", "REG{STER sip", "method is not a token"},
            {"Call-ID: a84b4c76e66710@192.0.2.10\n", "", "missing Call-ID header"},
            {"Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\n", "", "missing Via header"},
            {"Max-Forwards: 70", "Max-Forwards 70", "header line without ':'"},
        };
        for (String[] c : cases) {
            SipDecodeResult r = d.decodeDatagram(TestMessages.crlf(base.replace(c[0], c[1])));
            assertThat(r)
                    .as(c[1])
                    .isInstanceOfSatisfying(
                            SipDecodeResult.Malformed.class,
                            m -> assertThat(m.reason()).isEqualTo(c[2]));
        }
    }

    @Test
    void rejectsNonsenseLimits() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SipLimits(10, 1, -1, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
