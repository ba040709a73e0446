package org.openvto.media.h264;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class H264DepacketizerTest {
    private final List<List<byte[]>> units = new ArrayList<>();
    private final List<Long> timestamps = new ArrayList<>();
    private final H264Depacketizer d = new H264Depacketizer((nals, ts) -> {
        units.add(nals);
        timestamps.add(ts);
    });
    private int seq = 65_530; // wraps during the tests

    private static byte[] nal(int type, int size) {
        byte[] n = new byte[size];
        n[0] = (byte) (0x60 | type);
        for (int i = 1; i < size; i++) {
            n[i] = (byte) (i * 7 + type);
        }
        return n;
    }

    private void send(List<byte[]> unit, long ts, int mtu, List<Integer> lose) {
        for (H264Packetizer.Payload p : new H264Packetizer(mtu).packetize(unit)) {
            int s = seq;
            seq = (seq + 1) & 0xFFFF;
            if (!lose.contains(s)) {
                d.packet(s, ts, p.marker(), p.data(), 0, p.data().length);
            }
        }
    }

    @Test
    void accessUnitsComeBackWholeAtEveryPacketSize() {
        List<byte[]> key = List.of(nal(7, 12), nal(8, 4), nal(5, 5000));
        List<byte[]> delta = List.of(nal(1, 900));
        for (int mtu : new int[] {100, 1200, 1400, 9000}) {
            units.clear();
            send(key, 1000, mtu, List.of());
            send(delta, 4600, mtu, List.of());
            assertThat(units).as("mtu " + mtu).hasSize(2);
            assertThat(units.get(0))
                    .usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(key);
            assertThat(units.get(1))
                    .usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(delta);
        }
        assertThat(timestamps.subList(timestamps.size() - 2, timestamps.size())).containsExactly(1000L, 4600L);
        assertThat(d.droppedPictures()).isZero();
    }

    @Test
    void aStapAAggregateIsSplitIntoItsNalUnits() {
        byte[] sps = nal(7, 10);
        byte[] pps = nal(8, 4);
        byte[] stap = new byte[1 + 2 + 10 + 2 + 4];
        stap[0] = 24;
        stap[2] = 10;
        System.arraycopy(sps, 0, stap, 3, 10);
        stap[14] = 4;
        System.arraycopy(pps, 0, stap, 15, 4);
        d.packet(1, 90, false, stap, 0, stap.length);
        byte[] idr = nal(5, 50);
        d.packet(2, 90, true, idr, 0, idr.length);
        assertThat(units)
                .singleElement()
                .satisfies(u -> assertThat(u)
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactly(sps, pps, idr));
    }

    @Test
    void aLostFragmentDropsPicturesUntilTheNextKeyFrame() {
        List<byte[]> key = List.of(nal(7, 12), nal(8, 4), nal(5, 3000));
        send(key, 0, 1200, List.of());
        int lost = (seq + 1) & 0xFFFF; // the second FU-A fragment of the next picture
        send(List.of(nal(1, 3000)), 3600, 1200, List.of(lost));
        send(List.of(nal(1, 500)), 7200, 1200, List.of()); // references the damaged one
        send(key, 10800, 1200, List.of());
        send(List.of(nal(1, 500)), 14400, 1200, List.of());
        assertThat(timestamps).containsExactly(0L, 10800L, 14400L);
        assertThat(d.droppedPictures()).isEqualTo(2);
    }

    @Test
    void aMissingMarkerEndsThePictureAtTheNextTimestamp() {
        byte[] idr = nal(5, 40);
        d.packet(1, 0, false, idr, 0, idr.length); // marker never sent
        byte[] p = nal(1, 40);
        d.packet(2, 3600, true, p, 0, p.length);
        assertThat(timestamps).containsExactly(0L, 3600L);
    }

    @Test
    void malformedPayloadsAreCountedAndDroppedNeverThrown() {
        byte[][] bad = {{}, {24, 0}, {24, 0, 50, 1}, {28}, {28, (byte) 0x85}, {25, 1, 2}, {29, 1, 2}, {0}};
        int s = 100;
        for (byte[] b : bad) {
            d.packet(s++, 0, true, b, 0, b.length);
        }
        assertThat(units).isEmpty();
        assertThat(d.malformedPackets()).isEqualTo(bad.length);
    }
}
