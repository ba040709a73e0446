package org.openvto.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtpSequencerTest {
    @Test
    void packetsOfAFrameShareItsTimestampAndSequenceNumbersWrapAt65536() {
        RtpSequencer s = new RtpSequencer(96, 90_000, new Random(1));
        long first = s.timestamp(0);
        int seq = -1;
        for (int frame = 0; frame < 70_000 / 3; frame++) {
            List<RtpPacket> packets = s.frame(
                    frame * 40_000L, List.of(new byte[1], new byte[2], new byte[3]), List.of(false, false, true));
            assertThat(packets).extracting(RtpPacket::timestamp).containsOnly(s.timestamp(frame * 40_000L));
            for (RtpPacket p : packets) {
                if (seq >= 0) {
                    assertThat(p.sequence()).isEqualTo((seq + 1) & 0xFFFF);
                }
                seq = p.sequence();
                assertThat(p.ssrc()).isEqualTo(s.ssrc());
            }
        }
        assertThat((s.timestamp(40_000) - first) & 0xFFFFFFFFL)
                .as("25 fps at 90 kHz")
                .isEqualTo(3_600);
        assertThat(s.packets()).isEqualTo(3L * (70_000 / 3));
        assertThat(s.octets()).isEqualTo(6L * (70_000 / 3));
    }

    @Test
    void theMediaClockWrapsAt32Bits() {
        RtpSequencer s = new RtpSequencer(0, 8_000, new Random(2));
        long hours = 150L * 3600 * 1_000_000; // 150 h at 8 kHz passes 2^32
        assertThat(s.timestamp(hours)).isBetween(0L, 0xFFFFFFFFL);
        assertThat((s.timestamp(hours + 20_000) - s.timestamp(hours)) & 0xFFFFFFFFL)
                .isEqualTo(160);
    }

    @Test
    void reserveTakesConsecutiveNumbersAndCountsThem() {
        var seq = new RtpSequencer(8, 8000, new java.util.Random(3));
        int first = seq.nextSequence();
        assertThat(seq.reserve(3, 480)).isEqualTo(first);
        assertThat(seq.nextSequence()).isEqualTo((first + 3) & 0xFFFF);
        assertThat(seq.packets()).isEqualTo(3);
        assertThat(seq.octets()).isEqualTo(480);
        assertThat(seq.payloadType()).isEqualTo(8);
    }
}
