package org.openvto.media.rtsp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.openvto.media.h264.H264Depacketizer;
import org.openvto.media.rtsp.client.H264Track;
import org.openvto.media.rtsp.client.RtspClientException;

/**
 * Fuzz target for everything the relay parses from a camera: the responses and interleaved frames on the
 * connection ({@link ResponseReader}), the SDP ({@link H264Track#parse}) and the RTP payloads
 * ({@link H264Depacketizer}). Any bytes give messages, then the end of the input or one {@link RtspClientException}
 * — never another exception. A normal {@code mvn test} replays the seed corpus in
 * {@code src/test/resources/org/openvto/media/rtsp/client/internal/RtspClientFuzzTestInputs/}; fuzz with
 * {@code JAZZER_FUZZ=1 mvn -pl media test -Dtest=RtspClientFuzzTest}.
 */
class RtspClientFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyBytesFromACameraAreMessagesOrOneError(byte[] data) throws Exception {
        ResponseReader reader = new ResponseReader(new ByteArrayInputStream(data));
        H264Depacketizer depacketizer =
                new H264Depacketizer((nals, ts) -> assertThat(nals).isNotEmpty());
        int sequence = 0;
        try {
            while (true) {
                switch (reader.next()) {
                    case ResponseReader.Frame f -> {
                        assertThat(f.length()).isLessThanOrEqualTo(0xFFFF);
                        if (f.length() > 0) {
                            depacketizer.packet(
                                    sequence++, f.channel(), (f.channel() & 1) == 1, f.data(), 0, f.length());
                        }
                    }
                    case ResponseReader.Response r -> {
                        assertThat(r.status()).isBetween(100, 999);
                        assertThat(r.body().length).isLessThanOrEqualTo(ResponseReader.MAX_BODY);
                        H264Track.parse(new String(r.body(), StandardCharsets.UTF_8), "rtsp://cam/x");
                    }
                }
            }
        } catch (EOFException end) {
            // all input read
        } catch (RtspClientException malformed) {
            assertThat(malformed.status()).isZero();
            assertThat(malformed.getMessage()).startsWith("malformed answer from the camera");
        }
        H264Track.parse(new String(data, StandardCharsets.ISO_8859_1), "rtsp://cam/x");
    }
}
