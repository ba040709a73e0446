package org.openvto.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Fuzz target for the SDP parser: any bytes are a description or a reason, never an exception; a description
 * formats to text that parses to an equal one (unless its CRLF form outgrows {@link SdpParser#MAX_BYTES}, which is
 * then the reason); and answering it as an offer, or accepting it as the answer to ours, is an outcome. A normal {@code mvn test} replays the seed corpus in {@code
 * src/test/resources/org/openvto/media/sdp/SdpParserFuzzTestInputs/}; fuzz with {@code JAZZER_FUZZ=1 mvn -pl media
 * test -Dtest=SdpParserFuzzTest}.
 */
class SdpParserFuzzTest {
    private static final MediaCapabilities CAPS = MediaCapabilities.doorStation(Optional.of("42e01f"));
    private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
    private static final Sdp OUR_OFFER = OfferAnswer.offer(CAPS, LOCAL, 20000, 20002, 1, 1);

    @FuzzTest(maxDuration = "30s")
    void anyBytesAreADescriptionOrAReasonAndADescriptionSurvivesFormatting(byte[] data) {
        switch (SdpParser.parse(data)) {
            case SdpParser.Result.Malformed m -> assertThat(m.reason()).isNotBlank();
            case SdpParser.Result.Parsed p -> {
                String text = p.sdp().format();
                SdpParser.Result again = SdpParser.parse(text);
                if (text.getBytes(StandardCharsets.UTF_8).length <= SdpParser.MAX_BYTES) {
                    assertThat(again).isEqualTo(new SdpParser.Result.Parsed(p.sdp()));
                } else {
                    assertThat(again).isInstanceOf(SdpParser.Result.Malformed.class);
                }
                // Whatever a peer sends as offer or answer is an outcome, never an exception.
                assertThat(OfferAnswer.answer(p.sdp(), CAPS, LOCAL, 20000, 20002, 1, 1))
                        .isNotNull();
                assertThat(OfferAnswer.accept(OUR_OFFER, p.sdp())).isNotNull();
            }
        }
    }
}
