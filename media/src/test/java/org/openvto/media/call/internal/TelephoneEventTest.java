package org.openvto.media.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelephoneEventTest {
    @Test
    void readsEventEndVolumeAndDuration() {
        byte[] payload = {0x0B, (byte) 0x8A, 0x03, 0x20}; // '#', E, volume 10, 800
        var decoded = TelephoneEvent.decode(payload, 0, 4);
        assertThat(decoded).isEqualTo(new TelephoneEvent.Decoded.Event(new TelephoneEvent(11, true, 10, 800)));
        assertThat(((TelephoneEvent.Decoded.Event) decoded).event().key()).isEqualTo('#');
    }

    @Test
    void theReservedBitIsIgnored() {
        byte[] payload = {0x01, (byte) 0x4A, 0, 0}; // R set, E clear
        assertThat(TelephoneEvent.decode(payload, 0, 4))
                .isEqualTo(new TelephoneEvent.Decoded.Event(new TelephoneEvent(1, false, 10, 0)));
    }

    @Test
    void keysFollowTable7() {
        String keys = "0123456789*#ABCD";
        for (int e = 0; e < 16; e++) {
            assertThat(new TelephoneEvent(e, false, 0, 0).key()).isEqualTo(keys.charAt(e));
        }
        assertThat(new TelephoneEvent(16, false, 0, 0).key()).as("flash").isEqualTo((char) 0);
        assertThat(new TelephoneEvent(255, false, 0, 0).key()).isEqualTo((char) 0);
    }

    @Test
    void shortOrOutOfBoundsPayloadsAreMalformed() {
        assertThat(TelephoneEvent.decode(new byte[3], 0, 3)).isInstanceOf(TelephoneEvent.Decoded.Malformed.class);
        assertThat(TelephoneEvent.decode(new byte[4], 2, 4)).isInstanceOf(TelephoneEvent.Decoded.Malformed.class);
        assertThat(TelephoneEvent.decode(new byte[4], -1, 4)).isInstanceOf(TelephoneEvent.Decoded.Malformed.class);
    }
}
