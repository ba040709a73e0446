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
}
