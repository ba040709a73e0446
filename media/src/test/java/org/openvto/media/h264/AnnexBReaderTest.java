package org.openvto.media.h264;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnexBReaderTest {
    /** Start codes of both lengths, zeros inside units, trailing zeros, junk before the first start code. */
    private static final byte[] STREAM = {
        9,
        9,
        0,
        0,
        0,
        1,
        0x67,
        0x42,
        0,
        0x1F,
        0,
        0,
        1,
        0x68,
        (byte) 0xCE,
        0,
        0,
        0,
        1,
        0x65,
        0,
        0,
        3,
        0,
        1,
        0,
        0,
        0,
        0,
        1,
        0x41,
        (byte) 0x9A,
        0,
        0,
        1,
        0,
        0,
        1,
        0x41,
        0,
        0
    };

    private static List<byte[]> read(byte[] stream, int... splits) {
        List<byte[]> units = new ArrayList<>();
        AnnexBReader reader = new AnnexBReader(units::add);
        int from = 0;
        for (int split : splits) {
            reader.feed(stream, from, split - from);
            from = split;
        }
        reader.feed(stream, from, stream.length - from);
        reader.finish();
        return units;
    }

    @Test
    void oneChunkGivesWhatSplitGives() {
        assertThat(read(STREAM)).containsExactlyElementsOf(AnnexB.split(STREAM));
        assertThat(read(STREAM)).extracting(AnnexB::type).containsExactly(7, 8, 5, 1, 1);
    }

    @Test
    void everySplitPointGivesTheSameUnits() {
        List<byte[]> expected = AnnexB.split(STREAM);
        for (int at = 0; at <= STREAM.length; at++) {
            assertThat(read(STREAM, at)).as("split at %d", at).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void everyPairOfSplitPointsAndByteByByteGiveTheSameUnits() {
        List<byte[]> expected = AnnexB.split(STREAM);
        for (int a = 0; a <= STREAM.length; a++) {
            for (int b = a; b <= STREAM.length; b++) {
                assertThat(read(STREAM, a, b)).as("split at %d, %d", a, b).containsExactlyElementsOf(expected);
            }
        }
        int[] all = new int[STREAM.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        assertThat(read(STREAM, all)).containsExactlyElementsOf(expected);
    }

    @Test
    void aUnitWaitsForTheNextStartCode() {
        List<byte[]> units = new ArrayList<>();
        AnnexBReader reader = new AnnexBReader(units::add);
        reader.feed(new byte[] {0, 0, 1, 0x65, 1, 2}, 0, 6);
        assertThat(units).isEmpty();
        reader.feed(new byte[] {0, 0, 0, 1, 0x41}, 0, 5);
        assertThat(units).containsExactly(new byte[] {0x65, 1, 2});
    }

    @Test
    void anOversizedUnitIsDroppedAndCounted() {
        List<byte[]> units = new ArrayList<>();
        AnnexBReader reader = new AnnexBReader(units::add);
        reader.feed(new byte[] {0, 0, 1}, 0, 3);
        byte[] big = new byte[64 * 1024];
        java.util.Arrays.fill(big, (byte) 7);
        for (int i = 0; i <= AnnexBReader.MAX_NAL / big.length; i++) {
            reader.feed(big, 0, big.length);
        }
        reader.feed(new byte[] {0, 0, 1, 0x41, 0, 0, 1}, 0, 7);
        reader.finish();
        assertThat(units).containsExactly(new byte[] {0x41});
        assertThat(reader.dropped()).isEqualTo(1);
    }
}
