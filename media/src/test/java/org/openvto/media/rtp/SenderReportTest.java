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
}
