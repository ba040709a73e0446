package org.openvto.media.h264;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class H264PacketizerTest {
    private static byte[] nal(int header, int length) {
        byte[] n = new byte[length];
        n[0] = (byte) header;
        for (int i = 1; i < length; i++) {
            n[i] = (byte) (i * 7);
        }
        return n;
    }

    /** An RFC 6184 receiver, written from §5.6 and §5.8, for the round trip. */
    private static List<byte[]> depacketize(List<H264Packetizer.Payload> payloads) {
        List<byte[]> nals = new ArrayList<>();
        ByteArrayOutputStream fu = null;
        for (var p : payloads) {
            byte[] d = p.data();
            if ((d[0] & 0x1F) != H264Packetizer.FU_A) {
                nals.add(d);
                continue;
            }
            if ((d[1] & 0x80) != 0) {
                fu = new ByteArrayOutputStream();
                fu.write((d[0] & 0xE0) | (d[1] & 0x1F));
            }
            fu.write(d, 2, d.length - 2);
            if ((d[1] & 0x40) != 0) {
                nals.add(fu.toByteArray());
            }
        }
        return nals;
    }

    @Test
    void smallNalUnitsGoOneToAPacketAndTheLastOfTheAccessUnitIsMarked() {
        var sps = nal(0x67, 20);
        var pps = nal(0x68, 4);
        var idr = nal(0x65, 1400);
        var out = new H264Packetizer(1400).packetize(List.of(sps, pps, idr));
        assertThat(out).hasSize(3);
        assertThat(out).extracting(H264Packetizer.Payload::marker).containsExactly(false, false, true);
        assertThat(out.get(2).data()).isEqualTo(idr);
    }

    @Test
    void aLargeNalUnitIsCutIntoFuAFragmentsWithStartAndEndBits() {
        var idr = nal(0x65, 3000); // F=0, NRI=3, type 5
        var out = new H264Packetizer(1400).packetize(List.of(idr));
        assertThat(out).hasSize(3); // 2999 bytes after the header, 1398 per fragment
        assertThat(out).allSatisfy(p -> assertThat(p.data()[0] & 0xFF).isEqualTo(0x60 | 28));
        assertThat(out.get(0).data()[1] & 0xFF).isEqualTo(0x80 | 5);
        assertThat(out.get(1).data()[1] & 0xFF).isEqualTo(5);
        assertThat(out.get(2).data()[1] & 0xFF).isEqualTo(0x40 | 5);
        assertThat(out).allSatisfy(p -> assertThat(p.data().length).isLessThanOrEqualTo(1400));
        assertThat(out).extracting(H264Packetizer.Payload::marker).containsExactly(false, false, true);
        assertThat(depacketize(out)).singleElement().isEqualTo(idr);
    }

    @Test
    void aNalUnitOfExactlyThePayloadSizeIsNotFragmentedAndOneByteMoreIs() {
        assertThat(new H264Packetizer(100).packetize(List.of(nal(0x41, 100)))).hasSize(1);
        var out = new H264Packetizer(100).packetize(List.of(nal(0x41, 101)));
        assertThat(out).hasSize(2);
        assertThat(depacketize(out)).singleElement().isEqualTo(nal(0x41, 101));
    }

    @Test
    void everyAccessUnitRoundTripsThroughAnRfc6184Receiver() {
        for (int size : new int[] {3, 4, 50, 1399, 1400, 1401, 2797, 2798, 10_000}) {
            List<byte[]> au = List.of(nal(0x67, 12), nal(0x68, 4), nal(0x65, size));
            for (int mtu : new int[] {3, 64, 1400}) {
                assertThat(depacketize(new H264Packetizer(mtu).packetize(au)))
                        .as("NAL of %d bytes at payload size %d", size, mtu)
                        .containsExactlyElementsOf(au);
            }
        }
    }

    @Test
    void annexBSplitsOnThreeAndFourByteStartCodesAndDropsWhatComesBeforeTheFirst() {
        byte[] stream = {9, 9, 0, 0, 0, 1, 0x67, 1, 2, 0, 0, 1, 0x68, 3, 0, 0, 0, 0, 1, 0x65, 4, 5, 0};
        List<byte[]> nals = AnnexB.split(stream);
        assertThat(nals).containsExactly(new byte[] {0x67, 1, 2}, new byte[] {0x68, 3}, new byte[] {0x65, 4, 5});
        assertThat(nals).extracting(AnnexB::type).containsExactly(7, 8, 5);
        assertThat(AnnexB.split(new byte[] {1, 2, 3})).isEmpty();
        assertThat(AnnexB.split(new byte[0])).isEmpty();
    }

    @Test
    void packCutsExactlyAsPacketizeInOneArray() {
        var packetizer = new H264Packetizer(100);
        for (int size : new int[] {1, 2, 99, 100, 101, 197, 198, 199, 296, 1000}) {
            List<byte[]> unit = List.of(nal(0x67, 12), new byte[0], nal(0x65, size), nal(0x41, 100));
            List<H264Packetizer.Payload> expected = packetizer.packetize(unit);
            H264Packetizer.Packed packed = packetizer.pack(unit);
            assertThat(packed.count()).as("size " + size).isEqualTo(expected.size());
            int end = 0;
            for (int i = 0; i < packed.count(); i++) {
                assertThat(packed.offsets()[i]).as("contiguous").isEqualTo(end);
                end += packed.lengths()[i];
                byte[] got = java.util.Arrays.copyOfRange(
                        packed.data(), packed.offsets()[i], packed.offsets()[i] + packed.lengths()[i]);
                assertThat(got)
                        .as("size " + size + " payload " + i)
                        .isEqualTo(expected.get(i).data());
            }
            assertThat(end).isEqualTo(packed.data().length);
        }
    }
}
