package org.openvto.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SenderReportTest {
    @Test
    void theSenderReportCarriesNtpAndRtpTimeAndTheCountsThenTheCname() {
        Instant at = Instant.parse("2026-12-02T10:00:00.5Z");
        byte[] wire = new SenderReport(0xCAFEBABEL, at, 123_456, 10, 14_000, "vto-8001@openvto").encode();
        ByteBuffer b = ByteBuffer.wrap(wire);
        assertThat(b.get() & 0xFF).isEqualTo(0x80);
        assertThat(b.get() & 0xFF).isEqualTo(200);
        assertThat(b.getShort()).isEqualTo((short) 6);
        assertThat(b.getInt() & 0xFFFFFFFFL).isEqualTo(0xCAFEBABEL);
        assertThat(b.getInt() & 0xFFFFFFFFL).isEqualTo(at.getEpochSecond() + 2_208_988_800L);
        assertThat(b.getInt() & 0xFFFFFFFFL).isEqualTo(0x80000000L); // half a second
        assertThat(b.getInt()).isEqualTo(123_456);
        assertThat(b.getInt()).isEqualTo(10);
        assertThat(b.getInt()).isEqualTo(14_000);
        assertThat(b.get() & 0xFF).isEqualTo(0x81);
        assertThat(b.get() & 0xFF).isEqualTo(202);
        int words = b.getShort();
        assertThat(wire.length).isEqualTo(28 + 4 + 4 * words).isEqualTo(b.position() + 4 * words);
        assertThat(wire.length % 4).isZero();
        assertThat(b.getInt() & 0xFFFFFFFFL).isEqualTo(0xCAFEBABEL);
        assertThat(b.get()).isEqualTo((byte) 1);
        int len = b.get();
        byte[] name = new byte[len];
        b.get(name);
        assertThat(new String(name)).isEqualTo("vto-8001@openvto");
        assertThat(b.get()).as("end of the item list").isZero();
    }

    @Test
    void reportBlocksFollowTheSenderInfoAndCountInTheLength() {
        var block = new ReceiverReport.Block(0x11223344L, 10, 5, 70_000, 12, 0x01020304L, 65_536);
        byte[] wire = new SenderReport(1, Instant.EPOCH, 0, 0, 0, "c").encode(java.util.List.of(block));
        ByteBuffer b = ByteBuffer.wrap(wire);
        assertThat(b.get() & 0xFF).as("RC=1").isEqualTo(0x81);
        assertThat(b.get() & 0xFF).isEqualTo(200);
        assertThat(b.getShort()).as("(28 + 24) / 4 − 1").isEqualTo((short) 12);
        b.position(28);
        assertThat(b.getInt()).isEqualTo(0x11223344);
        assertThat(b.getInt()).isEqualTo(10 << 24 | 5);
        assertThat(b.getInt()).isEqualTo(70_000);
        assertThat(b.getInt()).isEqualTo(12);
        assertThat(b.getInt()).isEqualTo(0x01020304);
        assertThat(b.getInt()).isEqualTo(65_536);
        assertThat(b.get() & 0xFF).isEqualTo(0x81);
        assertThat(b.get() & 0xFF).isEqualTo(202);
    }
}
