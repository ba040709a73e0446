package org.openvto.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theFixedHeaderIsWrittenAsRfc3550Section51Draws() {
        byte[] wire = RtpPacket.of(true, 96, 0xABCD, 0x12345678L, 0xDEADBEEFL, new byte[] {1, 2})
                .encode();
        assertThat(HEX.formatHex(wire)).isEqualTo("80e0abcd12345678deadbeef0102");
    }

    @Test
    void csrcsAndTheHeaderExtensionRoundTrip() {
        var ext = new RtpPacket.Extension(0xBEDE, new byte[] {0x10, 0x20, 0x30, 0x40});
        var p = new RtpPacket(false, 0, 65535, 0xFFFFFFFFL, 1, new long[] {7, 0xFFFFFFFFL}, ext, new byte[] {9});
        byte[] wire = p.encode();
        assertThat(wire[0] & 0xFF).isEqualTo(0x92); // V=2, X, CC=2
        assertThat(RtpPacket.decode(wire, 0, wire.length)).isEqualTo(new RtpPacket.Decoded.Packet(p));
    }

    @Test
    void paddingIsRemovedFromThePayload() {
        byte[] wire = HEX.parseHex("a0000001000000000000000203040000000003"); // P set, 3 bytes of padding
        var d = (RtpPacket.Decoded.Packet) RtpPacket.decode(wire, 0, wire.length);
        assertThat(d.packet().payload()).containsExactly(3, 4, 0, 0);
    }

    @Test
    void malformedPacketsAreReportedNotThrown() {
        assertThat(RtpPacket.decode(new byte[11], 0, 11)).isInstanceOf(RtpPacket.Decoded.Malformed.class);
        assertThat(RtpPacket.decode(HEX.parseHex("400000010000000000000002"), 0, 12))
                .isEqualTo(new RtpPacket.Decoded.Malformed("version 1, not 2"));
        assertThat(RtpPacket.decode(HEX.parseHex("830000010000000000000002"), 0, 12))
                .isEqualTo(new RtpPacket.Decoded.Malformed("CSRC count 3 beyond the packet"));
        assertThat(RtpPacket.decode(HEX.parseHex("a0000001000000000000000209"), 0, 13))
                .isEqualTo(new RtpPacket.Decoded.Malformed("padding of 9 bytes does not fit"));
        assertThat(RtpPacket.decode(new byte[4], 2, 12)).isInstanceOf(RtpPacket.Decoded.Malformed.class);
    }

    @Test
    void valuesOutsideTheirFieldsAreRefused() {
        assertThatThrownBy(() -> RtpPacket.of(false, 128, 0, 0, 0, new byte[0])).hasMessageContaining("0–127");
        assertThatThrownBy(() -> RtpPacket.of(false, 96, 65536, 0, 0, new byte[0]))
                .hasMessageContaining("65535");
        assertThatThrownBy(() -> RtpPacket.of(false, 96, 0, 1L << 32, 0, new byte[0]))
                .hasMessageContaining("32-bit");
    }
}
