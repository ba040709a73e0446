package org.openvto.media.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openvto.media.video.StreamKind;

class RtspMessagesTest {
    @Test
    void dahuaUrlsWithTheOnvifSuffixAndTrackIdsResolve() {
        var t = RtspPaths.resolve(
                        "rtsp://10.0.0.5:554/cam/realmonitor?channel=1&subtype=1&unicast=true&proto=Onvif/trackID=0")
                .orElseThrow();
        assertThat(t.kind()).isEqualTo(StreamKind.SUB);
        assertThat(t.track()).isEqualTo(OptionalInt.of(0));
        assertThat(t.presentation())
                .isEqualTo("rtsp://10.0.0.5:554/cam/realmonitor?channel=1&subtype=1&unicast=true&proto=Onvif");
        assertThat(RtspPaths.resolve("rtsp://h/cam/realmonitor?channel=1&subtype=0")
                        .orElseThrow()
                        .kind())
                .isEqualTo(StreamKind.MAIN);
        assertThat(RtspPaths.resolve("rtsp://h/cam/realmonitor").orElseThrow().kind())
                .isEqualTo(StreamKind.MAIN);
        assertThat(RtspPaths.resolve("rtsp://h/live/sub/").orElseThrow().kind()).isEqualTo(StreamKind.SUB);
        assertThat(RtspPaths.resolve("rtsp://h/cam/realmonitor?channel=2&subtype=0"))
                .isEmpty();
        assertThat(RtspPaths.resolve("rtsp://h/cam/realmonitor?channel=1&subtype=3"))
                .isEmpty();
        assertThat(RtspPaths.resolve("http://h/live/main")).isEmpty();
        assertThat(RtspPaths.resolve("rtsp://h/other")).isEmpty();
    }

    @Test
    void theFirstSupportedTransportIsChosen() {
        assertThat(Transport.choose("RTP/AVP;multicast,RTP/AVP/UDP;unicast;client_port=5000-5001"))
                .contains(new Transport.Udp(5000, 5001));
        assertThat(Transport.choose("RTP/AVP/TCP;unicast;interleaved=2-3")).contains(new Transport.Interleaved(2, 3));
        assertThat(Transport.choose("RTP/AVP/TCP;unicast")).contains(new Transport.Interleaved(0, 1));
        assertThat(Transport.choose("RTP/AVP;unicast"))
                .as("UDP needs client ports")
                .isEmpty();
        assertThat(Transport.choose("RTP/AVP;unicast;client_port=0-1")).isEmpty();
        assertThat(Transport.choose("RAW/RAW/UDP;unicast;client_port=5000-5001"))
                .isEmpty();
        assertThat(new Transport.Udp(5000, 5001).confirm(6000, 6001))
                .isEqualTo("RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001");
    }

    @Test
    void malformedHeadsNameTheProblem() {
        assertThat(parse("DESCRIBE rtsp://h/ HTTP/1.1\r\n\r\n")).isEqualTo("unsupported version HTTP/1.1");
        assertThat(parse("DESCRIBE\r\n\r\n")).isEqualTo("request line must be 'METHOD URI RTSP/1.0'");
        assertThat(parse("DESCRIBE rtsp://h/ RTSP/1.0\r\nno colon\r\n\r\n")).isEqualTo("line 2 is not a header");
        assertThat(parse("DESCRIBE rtsp://h/ RTSP/1.0\r\nContent-Length: x\r\n\r\n"))
                .isEqualTo("Content-Length is not a number");
    }

    @Test
    void responsesCarryCseqAndContentLength() {
        var request = ((RtspRequestParser.Result.Head)
                        RtspRequestParser.parse("OPTIONS * RTSP/1.0\r\ncseq: 7\r\n\r\n".getBytes()))
                .withBody(new byte[0]);
        String r = new String(
                RtspResponse.to(request, 200, "OK")
                        .body("application/sdp", "v=0\r\n".getBytes())
                        .encode(),
                StandardCharsets.ISO_8859_1);
        assertThat(r)
                .isEqualTo(
                        "RTSP/1.0 200 OK\r\nCSeq: 7\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n");
    }

    private static String parse(String head) {
        return ((RtspRequestParser.Result.Malformed) RtspRequestParser.parse(head.getBytes())).reason();
    }
}
