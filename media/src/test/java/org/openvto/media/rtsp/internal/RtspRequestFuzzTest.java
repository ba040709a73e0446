package org.openvto.media.rtsp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.openvto.media.rtsp.RtspPaths;
import org.openvto.media.rtsp.RtspRequest;
import org.openvto.media.rtsp.Transport;

/**
 * Fuzz target for everything the RTSP server parses from a client: framing (requests and interleaved frames), the
 * request head, the {@code Transport} header and the URL. Any bytes give messages or one malformed value, never an
 * exception, and every input byte is consumed or held within the head limit. A normal {@code mvn test} replays the
 * seed corpus in {@code src/test/resources/org/openvto/media/rtsp/internal/RtspRequestFuzzTestInputs/}; fuzz with
 * {@code JAZZER_FUZZ=1 mvn -pl media test -Dtest=RtspRequestFuzzTest}.
 */
class RtspRequestFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyBytesAreRequestsFramesOrOneMalformed(byte[] data) {
        EmbeddedChannel channel = new EmbeddedChannel(new RtspFrameDecoder());
        int split = data.length == 0 ? 0 : (data[0] & 0xFF) % (data.length + 1);
        channel.writeInbound(Unpooled.wrappedBuffer(data, 0, split));
        channel.writeInbound(Unpooled.wrappedBuffer(data, split, data.length - split));
        int malformed = 0;
        Object message;
        while ((message = channel.readInbound()) != null) {
            switch ((Inbound) message) {
                case Inbound.Malformed m -> {
                    malformed++;
                    assertThat(m.reason()).isNotBlank();
                }
                case Inbound.Interleaved f -> assertThat(f.data().length).isLessThanOrEqualTo(0xFFFF);
                case Inbound.Request r -> exercise(r.request());
            }
        }
        assertThat(malformed).isLessThanOrEqualTo(1);
        channel.finishAndReleaseAll();
        Transport.choose(new String(data, StandardCharsets.ISO_8859_1));
        RtspPaths.resolve(new String(data, StandardCharsets.ISO_8859_1));
    }

    private static void exercise(RtspRequest request) {
        assertThat(request.method()).isNotEmpty();
        request.header("Transport").ifPresent(Transport::choose);
        RtspPaths.resolve(request.uri());
        assertThat(request.body().length).isLessThanOrEqualTo(4096);
    }
}
