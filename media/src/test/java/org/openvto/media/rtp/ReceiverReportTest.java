package org.openvto.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ReceiverReportTest {
    @Test
    void readsTheBlocksOfAReceiverReportAndSkipsSdes() {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0xCAFEBABE);
        b.putInt(0x12345678).put((byte) 64).put((byte) 0xFF).put((byte) 0xFF).put((byte) 0xFE); // lost = -2
        b.putInt(0x0001_0010).putInt(900).putInt(0).putInt(0);
        b.put((byte) 0x81).put((byte) 202).putShort((short) 1).putInt(0xCAFEBABE); // SDES, skipped
        var reports = ReceiverReport.parseCompound(b.array()).orElseThrow();
        assertThat(reports).hasSize(1);
        var block = reports.getFirst().blocks().getFirst();
        assertThat(reports.getFirst().reporter()).isEqualTo(0xCAFEBABEL);
        assertThat(block.ssrc()).isEqualTo(0x12345678L);
        assertThat(block.fractionLost()).isEqualTo(64);
        assertThat(block.cumulativeLost()).isEqualTo(-2);
        assertThat(block.highestSequence()).isEqualTo(0x0001_0010L);
        assertThat(block.jitter()).isEqualTo(900);
    }

    @Test
    void aLengthPastTheEndOrAWrongVersionIsNotRtcp() {
        assertThat(ReceiverReport.parseCompound(new byte[] {(byte) 0x81, (byte) 201, 0, 7, 0, 0, 0, 1}))
                .isEmpty();
        assertThat(ReceiverReport.parseCompound(new byte[] {0x41, (byte) 201, 0, 0}))
                .isEmpty();
        assertThat(ReceiverReport.parseCompound(new byte[] {(byte) 0x81, (byte) 201, 0, 1, 0, 0, 0, 1}))
                .isEmpty();
    }

    @Test
    void aReceiverReportWithItsBlockAndCnameReadsBack() {
        var block = new ReceiverReport.Block(0x12345678L, 64, -2, 0x0001_0010L, 900, 0xAABBCCDDL, 32_768);
        byte[] wire = new ReceiverReport(0xCAFEBABEL, java.util.List.of(block)).encode("vto-8001@openvto");
        assertThat(wire.length % 4).isZero();
        assertThat(wire[0] & 0xFF).as("V=2, RC=1").isEqualTo(0x81);
        assertThat(wire[1] & 0xFF).isEqualTo(201);
        assertThat(wire[33] & 0xFF).as("SDES after the 32-byte RR").isEqualTo(202);
        var reports = ReceiverReport.parseCompound(wire).orElseThrow();
        assertThat(reports).containsExactly(new ReceiverReport(0xCAFEBABEL, java.util.List.of(block)));
        assertThat(reports.getFirst().fromSender()).isFalse();
    }

    @Test
    void aSenderReportGivesItsNtpMiddleForTheLsrEcho() {
        java.time.Instant at = java.time.Instant.parse("2026-12-02T10:00:00.5Z");
        var block = new ReceiverReport.Block(7, 0, 0, 100, 3);
        byte[] wire = new SenderReport(0xCAFEBABEL, at, 1, 2, 3, "x").encode(java.util.List.of(block));
        var report = ReceiverReport.parseCompound(wire).orElseThrow().getFirst();
        assertThat(report.fromSender()).isTrue();
        assertThat(report.senderNtpMiddle()).isEqualTo(SenderReport.ntpMiddle(at));
        assertThat(SenderReport.ntpMiddle(at) & 0xFFFF)
                .as("half a second in 1/65536")
                .isEqualTo(0x8000);
        assertThat(report.blocks()).containsExactly(block);
    }
}
