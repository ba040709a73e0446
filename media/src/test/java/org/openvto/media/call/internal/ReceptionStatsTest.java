package org.openvto.media.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openvto.media.rtp.SenderReport;

/** RFC 3550 §A.1, A.3, A.8 on an 8 kHz stream of 20 ms packets. */
class ReceptionStatsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final ReceptionStats stats = new ReceptionStats(8000);

    private void packet(int seq, int index, long arrivalMicros) {
        stats.packet(0xABCDL, seq, 1000 + 160L * index, 160, T0.plusNanos(arrivalMicros * 1000));
    }

    @Test
    void onTimePacketsHaveNoLossAndNoJitter() {
        for (int i = 0; i < 50; i++) {
            packet(100 + i, i, 20_000L * i);
        }
        var block = stats.block(T0.plusSeconds(1));
        assertThat(block.ssrc()).isEqualTo(0xABCDL);
        assertThat(block.fractionLost()).isZero();
        assertThat(block.cumulativeLost()).isZero();
        assertThat(block.highestSequence()).isEqualTo(149);
        assertThat(block.jitter()).isZero();
        assertThat(stats.received()).isEqualTo(50);
        assertThat(stats.octets()).isEqualTo(50 * 160);
    }

    @Test
    void lossIsCountedAndTheFractionCoversOnlyTheInterval() {
        for (int i = 0; i < 8; i++) {
            if (i != 3 && i != 5) {
                packet(i, i, 20_000L * i);
            }
        }
        var first = stats.block(T0.plusSeconds(1));
        assertThat(first.cumulativeLost()).isEqualTo(2);
        assertThat(first.fractionLost()).as("2 of 8, in 1/256").isEqualTo(64);
        for (int i = 8; i < 16; i++) {
            packet(i, i, 20_000L * i);
        }
        var second = stats.block(T0.plusSeconds(2));
        assertThat(second.fractionLost()).isZero();
        assertThat(second.cumulativeLost()).isEqualTo(2);
    }

    @Test
    void theWrapIsCountedInTheExtendedSequence() {
        for (int i = 0; i < 4; i++) {
            packet((65534 + i) & 0xFFFF, i, 20_000L * i);
        }
        assertThat(stats.extendedMax()).isEqualTo(65536 + 1);
        assertThat(stats.lost()).isZero();
    }

    @Test
    void jitterFollowsTheArrivalVariation() {
        for (int i = 0; i < 200; i++) {
            packet(i, i, 20_000L * i + (i % 2 == 0 ? 0 : 5_000)); // every other packet 5 ms late: 40 units
        }
        assertThat(stats.jitter()).as("converges towards |D| = 40").isBetween(35L, 40L);
    }

    @Test
    void aRestartedSenderIsFollowedAfterTwoPackets() {
        packet(100, 0, 0);
        packet(101, 1, 20_000);
        packet(40_000, 2, 40_000); // a jump: held back
        assertThat(stats.received()).isEqualTo(2);
        packet(40_001, 3, 60_000); // confirmed: counts restart
        assertThat(stats.received()).isEqualTo(1);
        assertThat(stats.lost()).isZero();
    }

    @Test
    void theLastSenderReportIsEchoedWithTheDelaySinceIt() {
        packet(1, 0, 0);
        Instant srAt = T0.plusSeconds(3);
        stats.senderReport(0xABCDL, SenderReport.ntpMiddle(srAt), srAt);
        stats.senderReport(0x9999L, 1234, srAt); // another source's: ignored
        var block = stats.block(srAt.plus(Duration.ofMillis(500)));
        assertThat(block.lastSr()).isEqualTo(SenderReport.ntpMiddle(srAt));
        assertThat(block.delaySinceLastSr()).isEqualTo(32_768);
    }
}
