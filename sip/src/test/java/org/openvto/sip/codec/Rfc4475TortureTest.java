package org.openvto.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RFC 4475 torture messages (src/test/resources/rfc4475, CRLF line ends, exact bytes) decoded as UDP
 * datagrams. The files were rebuilt from the RFC section texts; every declared Content-Length matches
 * its body, which checks that whitespace and line ends survived.
 */
class Rfc4475TortureTest {
    private final SipMessageDecoder decoder = new SipMessageDecoder();

    private SipDecodeResult decode(String name) {
        return decoder.decodeDatagram(TestMessages.torture(name));
    }

    private SipMessage decoded(String name) {
        SipDecodeResult r = decode(name);
        assertThat(r).as(name + ": " + r).isInstanceOf(SipDecodeResult.Decoded.class);
        return ((SipDecodeResult.Decoded) r).message();
    }

    /** §3.1.1: valid messages that every parser must accept. */
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
                "noreason"
            })
    void acceptsEveryValidTortureMessage(String name) {
        SipMessage m = decoded(name);
        assertThat(m.callId()).isNotEmpty();
        assertThat(m.cseq()).isNotNull();
        assertThat(m.topVia()).isNotNull();
        assertThat(m.from()).isNotNull();
        assertThat(m.to()).isNotNull();
    }

    static Stream<Arguments> invalidMessages() {
        return Stream.of(
                Arguments.of("badinv01", "malformed Via header"), // §3.1.2.1  extraneous separators
                Arguments.of("clerr", "Content-Length (9999) exceeds"), // §3.1.2.2
                Arguments.of("ncl", "Content-Length is not a non-negative integer"), // §3.1.2.3
                Arguments.of("scalar02", "CSeq number out of range"), // §3.1.2.4
                Arguments.of("scalarlg", "CSeq number out of range"), // §3.1.2.5 (response: dropped)
                Arguments.of("quotbal", "malformed To header: unterminated quoted string"), // §3.1.2.6
                Arguments.of("ltgtruri", "invalid Request-URI"), // §3.1.2.7
                Arguments.of("lwsruri", "Request-URI contains whitespace"), // §3.1.2.8
                // §3.1.2.9/10: "acceptable to reject"; we are strict about the request line.
                Arguments.of("lwsstart", "Request-URI contains whitespace"),
                Arguments.of("trws", "whitespace after SIP version"),
                Arguments.of("escruri", "Request-URI must not contain headers"), // §3.1.2.11
                Arguments.of("baddate", "Date must be in GMT"), // §3.1.2.12
                Arguments.of("regbadct", "malformed Contact header"), // §3.1.2.13
                Arguments.of("badaspec", "malformed To header: whitespace inside <URI>"), // §3.1.2.14
                Arguments.of("baddn", "malformed From header: unquoted display name contains ','"), // §3.1.2.15
                Arguments.of("mismatch01", "CSeq method INVITE does not match request method OPTIONS"), // §3.1.2.17
                Arguments.of("mismatch02", "CSeq method INVITE does not match request method NEWMETHOD"), // §3.1.2.18
                Arguments.of("bigcode", "status code must be 3 digits"), // §3.1.2.19 (response: dropped)
                // §3.3.1, §3.3.9, §3.3.10: the RFC expects 400; the decoder already refuses them.
                Arguments.of("insuf", "missing To header"),
                Arguments.of("multi01", "multiple To headers"),
                Arguments.of("mcl01", "multiple Content-Length headers"));
    }

    /** §3.1.2 (and the §3.3 cases answered with 400): reported as values with a specific reason. */
    @ParameterizedTest
    @MethodSource("invalidMessages")
    void reportsEveryInvalidTortureMessageAsMalformedWithAReason(String name, String reason) {
        SipDecodeResult r = decode(name);
        assertThat(r).as(name).isInstanceOf(SipDecodeResult.Malformed.class);
        var m = (SipDecodeResult.Malformed) r;
        assertThat(m.reason()).contains(reason);
        boolean isResponse = name.equals("scalarlg") || name.equals("bigcode");
        assertThat(m.request()).isEqualTo(!isResponse);
        if (isResponse) {
            assertThat(m.partialOrNull()).isNull();
        }
    }

    /** Malformed requests whose start line parsed keep enough headers to build the 400. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "badinv01",
                "clerr",
                "ncl",
                "scalar02",
                "quotbal",
                "baddate",
                "regbadct",
                "badaspec",
                "baddn",
                "mismatch01",
                "mismatch02",
                "insuf",
                "multi01",
                "mcl01"
            })
    void keepsAPartialRequestSoTheTransportCanAnswer400(String name) {
        var m = (SipDecodeResult.Malformed) decode(name);
        assertThat(m.partialOrNull()).isInstanceOf(SipRequest.class);
        SipResponse resp = SipResponse.createFor((SipRequest) m.partialOrNull(), 400, m.reason());
        assertThat(resp.headers().getAll(SipHeaderNames.VIA)).isNotEmpty();
        assertThat(resp.headers().get(SipHeaderNames.CSEQ)).isNotNull();
        SipDecodeResult again = decoder.decodeDatagram(SipMessageEncoder.encode(resp));
        // responses to some of these are themselves malformed (e.g. a bad CSeq copied over); they must still encode
        assertThat(again).isNotNull();
    }

    /**
     * Messages the RFC calls syntactically acceptable but expects an upper layer to reject; the decoder
     * accepts them so that layer can send the specific response.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "badvers", // §3.1.2.16: 505 Version Not Supported — version() exposes SIP/7.0
                "unkscm", // §3.3.2: 416 Unsupported URI Scheme (sipRequestUri() is null)
                "novelsc", // §3.3.3: 416
                "unksm2", // §3.3.4: non-SIP URIs in To/From/Contact are legal syntax
                "bext01", // §3.3.5: 420 Bad Extension
                "invut", // §3.3.6: 415 Unsupported Media Type
                "regaut01", // §3.3.7: 401/403 for an unknown auth scheme
                "bcast", // §3.3.11: response with broadcast Via; dropping is the transaction layer's job
                "zeromf", // §3.3.12: Max-Forwards 0 (483 at a proxy)
                "cparam01", // §3.3.13
                "cparam02", // §3.3.14
                "regescrt", // §3.3.15: escaped header inside <> is legal
                "sdp01", // §3.3.16: 488/606 for an unacceptable offer
                "badbranch", // §3.2.1: bare magic cookie: treat as an RFC 2543 transaction
                "inv2543" // §3.4.1: RFC 2543 syntax (no Max-Forwards, no branch, no Content-Length)
            })
    void acceptsMessagesThatTheRfcLeavesToUpperLayers(String name) {
        decoded(name);
    }

    @Test
    void unknownVersionIsExposedForA505() {
        assertThat(decoded("badvers").version()).isEqualTo("SIP/7.0");
        assertThat(((SipRequest) decoded("unkscm")).sipRequestUri()).isNull();
        assertThat(decoded("badbranch").topVia().hasRfc3261Branch()).isFalse();
        assertThat(decoded("zeromf").maxForwards()).isZero();
    }

    @Test
    void shortTortuousInviteIsUnderstoodField() {
        SipRequest m = (SipRequest) decoded("wsinv");
        assertThat(m.method()).isEqualTo("INVITE");
        assertThat(m.requestUri()).isEqualTo("sip:vivekg@chair-dnrc.example.com;unknownparam");
        assertThat(m.toTag()).isEqualTo("1918181833n");
        assertThat(m.from().displayName()).isEqualTo("J Rosenberg \\\"");
        assertThat(m.fromTag()).isEqualTo("98asjd8");
        assertThat(m.maxForwards()).isEqualTo(68);
        assertThat(m.cseq()).isEqualTo(new SipCSeq(9, "INVITE"));
        assertThat(m.contentLength()).isEqualTo(150);
        assertThat(m.body()).hasSize(150);
        assertThat(m.headers().get("Subject")).isEmpty();
        assertThat(m.headers().get("s")).isEmpty();
        assertThat(m.headers().get("newfangledheader")).isEqualTo("newfangled value continued newfangled value");
        assertThat(m.headers().get("UnknownHeaderWithUnusualValue")).isEqualTo(";;,,;;,;");
        assertThat(m.vias())
                .extracting(SipVia::transport, SipVia::host, SipVia::branch)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("UDP", "192.0.2.2", "390skdjuw"),
                        org.assertj.core.groups.Tuple.tuple("TCP", "spindle.example.com", "z9hG4bK9ikj8"),
                        org.assertj.core.groups.Tuple.tuple("UDP", "192.168.255.111", "z9hG4bK30239"));
        NameAddr contact = m.contacts().getFirst();
        assertThat(contact.displayName()).isEqualTo("Quoted string \"\"");
        assertThat(contact.params())
                .containsEntry("newparam", "newvalue")
                .containsEntry("secondparam", "")
                .containsEntry("q", "0.33");
        assertThat(NameAddr.parse(m.headers().get("Route")).sipUri().params())
                .containsKeys("lr", "unknownwith", "unknown-no-value");
    }

    @Test
    void wideRangeOfValidCharactersSurvives() {
        SipRequest m = (SipRequest) decoded("intmeth");
        assertThat(m.method()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
        SipUri ruri = m.sipRequestUri();
        assertThat(ruri.user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(ruri.password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(ruri.host()).isEqualTo("example.com");
        assertThat(m.to().displayName()).isEqualTo("BEL:\u0007 NUL:\u0000 DEL:\u007f");
        assertThat(m.from().displayName()).isEqualTo("token1~` token2'+_ token3*%!.-");
        assertThat(m.from().param("fromParam''~+*_!.-%")).isEqualTo("\"работающий\"");
        assertThat(m.fromTag()).isEqualTo("_token~1'+`*%!-.");
        assertThat(m.callId()).isEqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{");
        assertThat(m.topViaBranch()).isEqualTo("z9hG4bK-.!%66*_+`'~");
        assertThat(m.headers().get("extensionHeader-!.%*+_`'~")).isEqualTo("\uFEFF大停電");
    }

    @Test
    void escapesAreDecodedOnceAndOnlyWhereTheGrammarHasThem() {
        SipRequest esc01 = (SipRequest) decoded("esc01");
        assertThat(esc01.sipRequestUri().user()).isEqualTo("sips:user@example.com");
        assertThat(esc01.to().sipUri().user()).isEqualTo("user");
        assertThat(esc01.from().sipUri().user()).isEqualTo("I have spaces");
        SipUri contact = esc01.contacts().getFirst().sipUri();
        assertThat(contact.user()).isEqualTo("caller");
        assertThat(contact.params()).containsEntry("lr", "").containsEntry("name", "value%41");

        SipRequest escnull = (SipRequest) decoded("escnull");
        assertThat(escnull.to().sipUri().user()).isEqualTo("null-\u0000-null");
        assertThat(escnull.contacts()).extracting(c -> c.sipUri().user()).containsExactly("\u0000", "\u0000\u0000");

        SipRequest esc02 = (SipRequest) decoded("esc02");
        assertThat(esc02.method()).isEqualTo("RE%47IST%45R");
        assertThat(esc02.to().displayName()).isEqualTo("%Z%45");
        assertThat(esc02.contacts()).hasSize(2);
        assertThat(esc02.headers().get("C%6Fntact")).isEqualTo("<sip:alias2@host2.example.com>");
    }

    @Test
    void datagramFramingFollowsContentLength() {
        SipMessage dbl = decoded("dblreq");
        assertThat(dbl.body()).isEmpty();
        assertThat(dbl.cseq().method()).isEqualTo("REGISTER");
        assertThat(decoded("inv2543").body()).hasSize(105);
        SipMessage mpart = decoded("mpart01");
        assertThat(mpart.body()).hasSize(553);
        assertThat(mpart.body()[mpart.body().length - 3]).isEqualTo((byte) '-');
    }

    @Test
    void semicolonsInTheUserPartBelongToTheUser() {
        SipRequest m = (SipRequest) decoded("semiuri");
        assertThat(m.sipRequestUri().user()).isEqualTo("user;par=u@example.net");
        assertThat(m.sipRequestUri().host()).isEqualTo("example.com");
        assertThat(m.headers().getAllSplit("Accept")).hasSize(6);
    }

    @Test
    void longValuesAndManyViasAreKept() {
        SipMessage m = decoded("longreq");
        assertThat(m.headers().count(SipHeaderNames.VIA)).isEqualTo(34);
        assertThat(m.topViaSentBy()).isEqualTo("sip33.example.com");
        assertThat(m.topViaBranch()).isNull();
        assertThat(m.to().sipUri().port()).isEqualTo(6000);
        assertThat(m.fromTag()).startsWith("12982982").endsWith("424");
    }

    @Test
    void unusualAndEmptyReasonPhrasesAreAccepted() {
        SipResponse unreason = (SipResponse) decoded("unreason");
        assertThat(unreason.statusCode()).isEqualTo(200);
        assertThat(unreason.reasonPhrase()).isEqualTo("= 2**3 * 5**2 но сто девяносто девять - простое");
        SipResponse noreason = (SipResponse) decoded("noreason");
        assertThat(noreason.statusCode()).isEqualTo(100);
        assertThat(noreason.reasonPhrase()).isEmpty();
    }

    @Test
    void torturesAreUtf8WhereTheRfcSaysSo() {
        assertThat(new String(TestMessages.torture("unreason"), StandardCharsets.UTF_8))
                .contains("простое");
    }
}
