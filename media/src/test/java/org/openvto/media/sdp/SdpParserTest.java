package org.openvto.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdpParserTest {
    private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";

    @Test
    void aBaresipOfferCapturedOnLoopbackIsReadWithItsCodecsAndUnknownAttributesKept() {
        Sdp sdp = Samples.sdp("baresip-offer.sdp");
        assertThat(sdp.origin().sessionId()).isEqualTo("183881216");
        assertThat(sdp.origin().sessionVersion()).isEqualTo("1911519325");
        assertThat(sdp.origin().address()).isEqualTo(new Connection("IN", "IP4", "192.0.2.2"));
        assertThat(sdp.attributes()).containsExactly(Attribute.of("tool", "baresip 1.0.0"));
        MediaSection audio = sdp.media().get(0);
        assertThat(audio.port()).isEqualTo(10880);
        assertThat(audio.payloadTypes()).containsExactly(0, 8, 9, 96, 101);
        assertThat(audio.rtpmap(96)).contains(new RtpMap(96, "opus", 48000, "2"));
        assertThat(audio.fmtp(101)).contains("0-15");
        assertThat(audio.ptime()).hasValue(20);
        assertThat(sdp.direction(audio)).isEqualTo(Direction.SENDRECV);
        assertThat(audio.attributes()).contains(Attribute.property("rtcp-rsize"), Attribute.of("label", "1"));
        MediaSection video = sdp.media().get(1);
        assertThat(video.fmtp(97)).contains("packetization-mode=1;profile-level-id=42e01f");
        assertThat(sdp.connection(video)).contains(new Connection("IN", "IP4", "192.0.2.2"));
        assertThat(Samples.parse(sdp.format())).isEqualTo(sdp);
    }

    @Test
    void lfOnlyLineEndsReadTheSameAsCrlf() {
        String lf = Samples.text("sipp-uac-offer.sdp");
        assertThat(lf).doesNotContain("\r");
        Sdp sdp = Samples.parse(lf);
        assertThat(Samples.parse(lf.replace("\n", "\r\n"))).isEqualTo(sdp);
        assertThat(sdp.format()).isEqualTo(lf.replace("\n", "\r\n"));
        assertThat(sdp.media().getFirst().fmtp(101)).contains("0-11,16");
    }

    @Test
    void staticPayloadTypesNeedNoRtpmap() {
        Sdp sdp = Samples.parse(HEAD + "m=audio 4000 RTP/AVP 0 8 18\r\n");
        assertThat(sdp.media().getFirst().rtpmap(0)).contains(new RtpMap(0, "PCMU", 8000, ""));
        assertThat(sdp.media().getFirst().rtpmap(8)).contains(new RtpMap(8, "PCMA", 8000, ""));
        assertThat(sdp.media().getFirst().rtpmap(18)).contains(new RtpMap(18, "G729", 8000, ""));
        assertThat(sdp.media().getFirst().rtpmap(96)).isEmpty();
    }

    @Test
    void ipv6MediaLevelConnectionRtcpMuxAndSessionLevelDirection() {
        Sdp sdp = Samples.sdp("ipv6-hold-offer.sdp");
        MediaSection audio = sdp.media().getFirst();
        assertThat(sdp.connection()).isEmpty();
        assertThat(sdp.connection(audio).orElseThrow().literal().orElseThrow().getHostAddress())
                .isEqualTo("2001:db8:0:0:0:0:0:101");
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.direction()).isEmpty();
        assertThat(sdp.direction(audio)).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void theRtcpAttributeGivesPortAndOptionalAddress() {
        Sdp linphone = Samples.sdp("linphone5-offer.sdp");
        assertThat(linphone.media().get(0).rtcp()).contains(new Rtcp(7079, Optional.empty()));
        Sdp other = Samples.parse(HEAD + "m=audio 49170 RTP/AVP 0\r\na=rtcp:53020 IN IP6 2001:db8::7\r\n");
        assertThat(other.media().getFirst().rtcp())
                .contains(new Rtcp(53020, Optional.of(new Connection("IN", "IP6", "2001:db8::7"))));
    }

    @Test
    void theUnspecifiedAddressIsHold() {
        Sdp sdp = Samples.parse(HEAD.replace("c=IN IP4 192.0.2.1", "c=IN IP4 0.0.0.0") + "m=audio 4000 RTP/AVP 0\r\n");
        assertThat(sdp.connection().orElseThrow().isUnspecified()).isTrue();
        assertThat(new Connection("IN", "IP4", "192.0.2.1").isUnspecified()).isFalse();
        assertThat(new Connection("IN", "IP4", "door.example").literal()).isEmpty();
    }

    @Test
    void blankLinesTrailingBlanksAndUnknownLinesAreToleratedAndKept() {
        Sdp sdp = Samples.parse("v=0\n\no=alice 7 8 IN IP4 192.0.2.9  \nb=AS:256\ni=door\nc=IN IP4 192.0.2.9\n"
                + "m=video 5000/2 RTP/AVPF 96\nb=TIAS:512000\na=x-custom\n\n");
        assertThat(sdp.name()).isEqualTo("-");
        assertThat(sdp.lines()).containsExactly(new Sdp.Line('i', "door"), new Sdp.Line('b', "AS:256"));
        MediaSection video = sdp.media().getFirst();
        assertThat(video.portCount()).isEqualTo(OptionalInt.of(2));
        assertThat(video.protocol()).isEqualTo("RTP/AVPF");
        assertThat(video.lines()).containsExactly(new Sdp.Line('b', "TIAS:512000"));
        assertThat(video.attributes()).containsExactly(Attribute.property("x-custom"));
        assertThat(Samples.parse(sdp.format())).isEqualTo(sdp);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            o=- 1 1 IN IP4 192.0.2.1\\ns=-\\nm=audio 1 RTP/AVP 0                   | line 1 "o=- 1 1 IN IP4 192.0.2.1": the description must start with v=0
            v=1\\no=- 1 1 IN IP4 192.0.2.1                                          | line 1 "v=1": the description must start with v=0
            v=0\\ns=-\\no=- 1 1 IN IP4 192.0.2.1                                    | line 2 "s=-": o= must follow v=0
            v=0\\no=- x 1 IN IP4 192.0.2.1\\nm=audio 1 RTP/AVP 0                   | line 2 "o=- x 1 IN IP4 192.0.2.1": o= session id and version must be decimal
            v=0\\no=- 1 1 IN IP4                                                    | line 2 "o=- 1 1 IN IP4": not o=<username>
            HEAD                                                                     | no m= line
            HEADm=audio 70000 RTP/AVP 0                                              | line 6 "m=audio 70000 RTP/AVP 0": port '70000' is not 0–65535
            HEADm=audio x RTP/AVP 0                                                  | line 6 "m=audio x RTP/AVP 0": port 'x' is not 0–65535
            HEADm=audio 4000 RTP/AVP 200                                             | line 6 "m=audio 4000 RTP/AVP 200": format '200' is not an RTP payload type 0–127
            HEADm=audio 4000 RTP/AVP                                                 | line 6 "m=audio 4000 RTP/AVP": no format for a stream with port 4000
            v=0\\no=- 1 1 IN IP4 192.0.2.1\\ns=-\\nt=0 0\\nm=audio 4000 RTP/AVP 0   | line 5: m=audio 4000 has no c= at media or session level
            HEADm=audio 4000 RTP/AVP 0\\nt=0 0                                       | line 7 "t=0 0": t= belongs before the first m=
            HEADx=1\\nm=audio 4000 RTP/AVP 0                                         | line 6 "x=1": type letter 'x' is not defined by RFC 8866
            HEADhello\\nm=audio 4000 RTP/AVP 0                                       | line 6 "hello": not <type>=<value>
            HEADc=IN IP4 192.0.2.2\\nm=audio 4000 RTP/AVP 0                          | line 6 "c=IN IP4 192.0.2.2": a second session-level c=
            HEADm=audio 4000 RTP/AVP 0\\nc=IN IP4\\n                                 | line 7 "c=IN IP4": not c=<nettype> <addrtype> <address>
            HEADm=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU                             | line 7 "a=rtpmap:0 PCMU": not <payload type> <encoding>/<clock rate>
            HEADm=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU/8000\\na=rtpmap:0 PCMA/8000 | line 8 "a=rtpmap:0 PCMA/8000": a second rtpmap for payload type 0
            HEADm=audio 4000 RTP/AVP 0\\na=sendonly\\na=recvonly                     | line 8 "a=recvonly": a second direction attribute in the same section
            HEADm=audio 4000 RTP/AVP 0\\na=ptime:fast                                | line 7 "a=ptime:fast": not a packet time in milliseconds
            HEADm=audio 4000 RTP/AVP 0\\na=rtcp:0                                    | line 7 "a=rtcp:0": not <port> [IN IP4|IP6 <address>] (RFC 3605)
            HEADm=audio 4000 RTP/AVP 0\\na=rtcp-mux:yes                              | line 7 "a=rtcp-mux:yes": rtcp-mux takes no value
            HEADm=audio 4000 RTP/AVP 0\\na=:x                                        | line 7 "a=:x": attribute name '' is not a token
            HEADm=audio 4000 RTP/AVP 0\\na=x\\u0001y                                 | line 7 "a=x?y": a control character
            """)
    void malformedInputIsAReasonNamingTheLine(String body, String reason) {
        String text = body.replace("HEAD", HEAD.replace("\r", "").replace("\n", "\\n"))
                .replace("\\n", "\n")
                .replace("\\u0001", "\u0001");
        assertThat(SdpParser.parse(text))
                .isInstanceOfSatisfying(
                        SdpParser.Result.Malformed.class,
                        m -> assertThat(m.reason()).startsWith(reason.strip()));
    }

    @Test
    void theLimitsAreEnforced() {
        String nine = HEAD + "m=audio 4000 RTP/AVP 0\r\n".repeat(9);
        assertThat(reason(nine)).isEqualTo("line 14 \"m=audio 4000 RTP/AVP 0\": more than 8 m= sections");
        String attrs = HEAD + "m=audio 4000 RTP/AVP 0\r\n" + "a=x\r\n".repeat(65);
        assertThat(reason(attrs)).endsWith("more than 64 attributes in one section");
        assertThat(reason(HEAD + "a=x:" + "y".repeat(1100) + "\r\n")).endsWith("longer than 1024 characters");
        String big = HEAD + "m=audio 4000 RTP/AVP 0\r\n" + ("b=AS:" + "1".repeat(900) + "\r\n").repeat(10);
        assertThat(reason(big)).startsWith("larger than 8192 bytes");
        assertThat(SdpParser.parse(big.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SdpParser.Result.Malformed.class);
        assertThat(SdpParser.parse(new byte[] {'v', '=', (byte) 0xC3, 0x28}))
                .isEqualTo(new SdpParser.Result.Malformed("not UTF-8 text (RFC 8866 §5)"));
    }

    @Test
    void theRtspDescriptionIsWrittenAsBefore() {
        var d = new SessionDescription(
                42,
                1,
                "192.0.2.5",
                "Door",
                List.of("control:*", "range:npt=0-"),
                List.of(new SessionDescription.Media(
                        "video", 0, "RTP/AVP", List.of(96), List.of("rtpmap:96 H264/90000", "control:trackID=0"))));
        assertThat(d.format())
                .isEqualTo("v=0\r\no=- 42 1 IN IP4 192.0.2.5\r\ns=Door\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
                        + "a=control:*\r\na=range:npt=0-\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
                        + "a=control:trackID=0\r\n");
        assertThat(Samples.parse(d.format())).isEqualTo(d.toSdp());
    }

    private static String reason(String text) {
        return switch (SdpParser.parse(text)) {
            case SdpParser.Result.Malformed m -> m.reason();
            case SdpParser.Result.Parsed p -> "parsed";
        };
    }
}
