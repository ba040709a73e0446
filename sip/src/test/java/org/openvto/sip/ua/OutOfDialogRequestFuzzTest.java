package org.openvto.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.openvto.sip.codec.SipDecodeResult;
import org.openvto.sip.codec.SipHeader;
import org.openvto.sip.codec.SipMessageDecoder;
import org.openvto.sip.codec.SipMessageEncoder;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transport.SipHop;

/**
 * Fuzz target: a request made of arbitrary parts (the centre's user part and address, an extension header's value,
 * the Content-Type, the body) is either refused when the {@link OutOfDialogRequest} is made — an {@link
 * IllegalArgumentException}, nothing else — or goes on the wire as a message the project's own decoder reads back
 * with the same Request-URI, header, Content-Type and body: what the user agent sends is never malformed.
 *
 * <p>A normal {@code mvn test} replays the seed corpus in
 * {@code src/test/resources/org/openvto/sip/ua/OutOfDialogRequestFuzzTestInputs/}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -pl sip test -Dtest=OutOfDialogRequestFuzzTest}.
 */
class OutOfDialogRequestFuzzTest {
    private static final SipMessageDecoder DECODER = new SipMessageDecoder();

    @FuzzTest(maxDuration = "30s")
    void anyRequestIsRefusedWhenMadeOrDecodesBackTheSame(FuzzedDataProvider data) {
        String user = data.consumeString(40);
        String host = data.consumeString(40);
        String headerValue = data.consumeString(200);
        String contentType = data.consumeString(60);
        byte[] body = data.consumeRemainingAsBytes();
        String uri = "sip:" + user + "@" + host;
        SipHop hop = SipHop.of(SipUri.parse(uri), "UDP", null);
        if (hop == null) {
            hop = SipHop.of(SipUri.parse("sip:888888@127.0.0.1:5070"), "UDP", null);
        }
        OutOfDialogRequest request;
        try {
            request = new OutOfDialogRequest(
                    "MESSAGE",
                    uri,
                    "sip:888888@VDP",
                    "sip:8001@VDP",
                    hop,
                    contentType,
                    body,
                    List.of(new SipHeader("X-OpenVTO-Key", headerValue)));
        } catch (IllegalArgumentException refused) {
            return;
        }
        SipRequest sip = UserAgentClient.build(
                request, "127.0.0.1", 5060, new UserAgentClient.Sequence("c3d4", "a1b2", 1), "z9hG4bKfuzz");
        SipDecodeResult decoded = DECODER.decodeDatagram(SipMessageEncoder.encode(sip));
        assertThat(decoded).as("%s", sip).isInstanceOf(SipDecodeResult.Decoded.class);
        SipRequest back = (SipRequest) ((SipDecodeResult.Decoded) decoded).message();
        assertThat(back.requestUri()).isEqualTo(uri);
        assertThat(back.headers().get("X-OpenVTO-Key")).isEqualTo(headerValue);
        assertThat(back.headers().get("Content-Type")).isEqualTo(contentType.isEmpty() ? null : contentType);
        assertThat(back.body()).isEqualTo(body);
        assertThat(back.fromTag()).isEqualTo("a1b2");
        assertThat(back.topViaBranch()).isEqualTo("z9hG4bKfuzz");
    }
}
