package org.openvto.media.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4733 §2.5.1: one key per event, however many packets carry it. */
class DtmfDetectorTest {
    private final DtmfDetector detector = new DtmfDetector();
    private final List<Character> keys = new ArrayList<>();

    private void packet(long timestamp, boolean marker, int event, boolean end, int duration) {
        char key = detector.packet(timestamp, marker, new TelephoneEvent(event, end, 10, duration));
        if (key != 0) {
            keys.add(key);
        }
    }

    /** A key press as §2.5.1 sends it: start with M, updates every 50 ms, three end packets. */
    private void press(long timestamp, int event) {
        packet(timestamp, true, event, false, 0);
        packet(timestamp, false, event, false, 400);
        packet(timestamp, false, event, false, 800);
        for (int i = 0; i < 3; i++) {
            packet(timestamp, false, event, true, 1200);
        }
    }

    @Test
    void hashWithItsUpdatesAndThreeEndPacketsIsOneKey() {
        press(1000, 11);
        assertThat(keys).containsExactly('#');
    }

    @Test
    void retransmittedPacketsOfAnEndedEventAddNothing() {
        press(1000, 11);
        packet(1000, true, 11, false, 0); // a retransmitted start
        packet(1000, false, 11, true, 1200);
        assertThat(keys).containsExactly('#');
    }

    @Test
    void theSameKeyAgainIsANewTimestampAndANewKey() {
        press(1000, 1);
        press(3000, 1);
        press(5000, 10);
        assertThat(keys).containsExactly('1', '1', '*');
    }

    @Test
    void aLostStartPacketStillYieldsTheKeyFromTheNextOnes() {
        packet(1000, false, 5, false, 400);
        packet(1000, false, 5, true, 800);
        packet(1000, false, 5, true, 800);
        assertThat(keys).containsExactly('5');
    }

    @Test
    void theNextSegmentOfALongEventIsNotANewKey() {
        packet(1000, true, 0, false, 0);
        packet(1000, false, 0, false, 0xFFFF); // §2.5.1.5: duration full, a new segment follows
        packet(1000 + 0xFFFF, false, 0, false, 400);
        packet(1000 + 0xFFFF, false, 0, true, 800);
        assertThat(keys).containsExactly('0');
    }

    @Test
    void aLatePacketOfAnEarlierEventIsIgnored() {
        press(1000, 2);
        press(3000, 3);
        packet(1000, false, 2, true, 1200);
        assertThat(keys).containsExactly('2', '3');
    }

    @Test
    void timestampsCompareAcrossTheirWrap() {
        press(0xFFFF_FF00L, 7);
        press(0x100, 8);
        packet(0xFFFF_FF00L, false, 7, true, 1200);
        assertThat(keys).containsExactly('7', '8');
    }

    @Test
    void eventsThatAreNotKeysYieldNothing() {
        press(1000, 16); // flash
        press(2000, 15);
        assertThat(keys).containsExactly('D');
    }
}
