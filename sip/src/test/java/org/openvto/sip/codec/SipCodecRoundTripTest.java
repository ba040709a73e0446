package org.openvto.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SipCodecRoundTripTest {
    private final SipMessageDecoder decoder = new SipMessageDecoder();

    private SipMessage decode(byte[] bytes) {
        SipDecodeResult r = decoder.decodeDatagram(bytes);
        assertThat(r).as(String.valueOf(r)).isInstanceOf(SipDecodeResult.Decoded.class);
        return ((SipDecodeResult.Decoded) r).message();
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "wsinv",
                "intmeth",
                "esc01",
                "escnull",
                "esc02",
                "lwsdisp",
                "longreq",
                "dblreq",
                "semiuri",
                "transports",
                "mpart01",
                "unreason",
                "noreason",
                "inv2543",
                "unksm2",
                "bcast"
            })
    void encodingADecodedMessageIsStableAndDecodesToTheSameFields(String name) {
        SipMessage first = decode(TestMessages.torture(name));
        byte[] once = SipMessageEncoder.encode(first);
        SipMessage second = decode(once);
        assertThat(SipMessageEncoder.encode(second)).isEqualTo(once);
        assertThat(second.startLine()).isEqualTo(first.startLine());
        assertThat(second.headers().asList()).isEqualTo(withoutContentLength(second, first));
        assertThat(second.body()).isEqualTo(first.body());
    }

    private static java.util.List<SipHeader> withoutContentLength(SipMessage second, SipMessage first) {
        var expected = new java.util.ArrayList<>(first.headers().asList().stream()
                .filter(h -> !h.name().equals(SipHeaderNames.CONTENT_LENGTH))
                .toList());
        expected.add(new SipHeader(SipHeaderNames.CONTENT_LENGTH, Integer.toString(second.body().length)));
        return expected;
    }

    @Test
    void writesCanonicalNamesCrlfAndOneCorrectContentLength() {
        SipMessage m = decode(TestMessages.crlf("""
                OPTIONS sip:door@example.com SIP/2.0
                v: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1
                t: <sip:door@example.com>
                f: <sip:x@example.com>;tag=1
                i: abc
                CSeq: 1 OPTIONS
                l: 3
                X-Custom:   kept as is

                abc"""));
        m.setBody("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(text(SipMessageEncoder.encode(m))).isEqualTo("""
                OPTIONS sip:door@example.com SIP/2.0\r
                Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r
                To: <sip:door@example.com>\r
                From: <sip:x@example.com>;tag=1\r
                Call-ID: abc\r
                CSeq: 1 OPTIONS\r
                X-Custom: kept as is\r
                Content-Length: 5\r
                \r
                hello""");
    }

    @Test
    void buildsAResponseFromARequestAndRoundTripsIt() {
        SipRequest req = (SipRequest) decode(TestMessages.crlf(TestMessages.REGISTER));
        SipResponse resp = SipResponse.createFor(req, 200, "OK");
        resp.headers()
                .set(SipHeaderNames.TO, req.to().withParam("tag", "abc123").toString());
        resp.headers().add(SipHeaderNames.CONTACT, req.headers().get(SipHeaderNames.CONTACT));
        SipResponse back = (SipResponse) decode(SipMessageEncoder.encode(resp));
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.toTag()).isEqualTo("abc123");
        assertThat(back.to().displayName()).isEqualTo("Door 1");
        assertThat(back.cseq()).isEqualTo(new SipCSeq(314159, SipMethod.REGISTER));
        assertThat(back.topViaBranch()).isEqualTo("z9hG4bK776asdhds");
        assertThat(back.topVia().hasRport()).isTrue();
        assertThat(back.contacts().getFirst().expires()).isEqualTo(3600);
    }

    @Test
    void buildsARequestFromScratch() {
        SipRequest req = new SipRequest(SipMethod.OPTIONS, "sip:[2001:db8::1]:5070;transport=tcp");
        req.headers()
                .add(
                        SipHeaderNames.VIA,
                        SipVia.of("tcp", "[2001:db8::2]", 5060, "z9hG4bKx", java.util.Map.of("rport", ""))
                                .toString())
                .add(SipHeaderNames.MAX_FORWARDS, "70")
                .add(
                        SipHeaderNames.TO,
                        NameAddr.of(null, "sip:door@example.com").toString())
                .add(
                        SipHeaderNames.FROM,
                        NameAddr.of("Panel \"A\"", "sip:panel@example.com")
                                .withParam("tag", "t1")
                                .toString())
                .add(SipHeaderNames.CALL_ID, "c1")
                .add(SipHeaderNames.CSEQ, "1 OPTIONS");
        SipRequest back = (SipRequest) decode(SipMessageEncoder.encode(req));
        assertThat(back.sipRequestUri().host()).isEqualTo("[2001:db8::1]");
        assertThat(back.sipRequestUri().port()).isEqualTo(5070);
        assertThat(back.sipRequestUri().transport()).isEqualTo("tcp");
        assertThat(back.topViaSentBy()).isEqualTo("[2001:db8::2]:5060");
        assertThat(back.topViaRport()).isZero();
        assertThat(back.from().displayName()).isEqualTo("Panel \"A\"");
        assertThat(back.fromTag()).isEqualTo("t1");
        assertThat(back.contentLength()).isZero();
    }
}
