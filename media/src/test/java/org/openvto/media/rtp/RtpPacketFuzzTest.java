package org.openvto.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the RTP decoder: any bytes are a packet or a reason, never an exception, and a packet without
 * padding encodes back to the same bytes. A normal {@code mvn test} replays the seed corpus in {@code
 * src/test/resources/org/openvto/media/rtp/RtpPacketFuzzTestInputs/}; fuzz with {@code JAZZER_FUZZ=1 mvn -pl media
 * test -Dtest=RtpPacketFuzzTest}.
 */
class RtpPacketFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyBytesAreAPacketOrAReason(byte[] data) {
        switch (RtpPacket.decode(data, 0, data.length)) {
            case RtpPacket.Decoded.Malformed m -> assertThat(m.reason()).isNotBlank();
            case RtpPacket.Decoded.Packet p -> {
                if ((data[0] & 0x20) == 0) {
                    assertThat(p.packet().encode()).isEqualTo(data);
                }
            }
        }
    }
}
