package org.openvto.media.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openvto.media.h264.AnnexB;
import org.openvto.media.video.AccessUnit;

class AccessUnitAssemblerTest {
    private static final byte[] SPS = {0x67, 0x42, 0x00, 0x1F};
    private static final byte[] PPS = {0x68, (byte) 0xCE};
    private static final byte[] SEI = {0x06, 0x05};
    private static final byte[] AUD = {0x09, (byte) 0xF0};

    private final List<AccessUnit> units = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final AccessUnitAssembler assembler = new AccessUnitAssembler(units::add, clock::incrementAndGet);

    /** A slice; the top bit after the header set means first_mb_in_slice == 0. */
    private static byte[] slice(int type, boolean first, int tag) {
        return new byte[] {(byte) (0x60 | type), (byte) (first ? 0x88 : 0x48), (byte) tag};
    }

    private void feed(byte[]... nals) {
        for (byte[] nal : nals) {
            assembler.nal(nal);
        }
    }

    @Test
    void groupsSlicesOfOnePictureAndSplitsAtTheNextFirstSlice() {
        feed(SPS, PPS, SEI, slice(5, true, 1), slice(5, false, 2), slice(1, true, 3), slice(1, false, 4));
        feed(slice(1, true, 5));
        assertThat(units).hasSize(2);
        assertThat(units.get(0).keyFrame()).isTrue();
        assertThat(units.get(0).nals()).extracting(AnnexB::type).containsExactly(7, 8, 6, 5, 5);
        assertThat(units.get(1).keyFrame()).isFalse();
        assertThat(units.get(1).nals()).extracting(AnnexB::type).containsExactly(1, 1);
        assertThat(units.get(1).micros()).isGreaterThan(units.get(0).micros());

        assembler.flush();
        assertThat(units).hasSize(3);
    }

    @Test
    void parameterSetsAndDelimitersStartANewUnit() {
        feed(AUD, SPS, PPS, slice(5, true, 1), AUD, slice(1, true, 2), SPS, PPS, slice(5, true, 3));
        assembler.flush();
        assertThat(units)
                .extracting(u -> u.nals().stream().map(AnnexB::type).toList())
                .containsExactly(List.of(7, 8, 5), List.of(1), List.of(7, 8, 5));
    }

    @Test
    void picturesBeforeTheFirstKeyFrameAreDropped() {
        feed(slice(1, true, 1), slice(1, true, 2), SPS, PPS, slice(5, true, 3));
        assembler.flush();
        assertThat(units).hasSize(1);
        assertThat(units.getFirst().keyFrame()).isTrue();
        assertThat(assembler.dropped()).isEqualTo(2);
    }

    @Test
    void theLatestParameterSetsArePrependedToAnIdrWithout() {
        feed(SPS, PPS, slice(5, true, 1), slice(1, true, 2), SEI, slice(5, true, 3));
        assembler.flush();
        assertThat(units).hasSize(3);
        AccessUnit second = units.get(2);
        assertThat(second.keyFrame()).isTrue();
        assertThat(second.nals()).extracting(AnnexB::type).containsExactly(7, 8, 6, 5);
        assertThat(second.nals().get(0)).isEqualTo(SPS);
        assertThat(second.nals().get(1)).isEqualTo(PPS);
    }

    @Test
    void anIdrWithoutAnyKnownParameterSetsIsDropped() {
        feed(slice(5, true, 1), slice(1, true, 2));
        assembler.flush();
        assertThat(units).isEmpty();
        assertThat(assembler.dropped()).isEqualTo(2);
    }

    @Test
    void firstMbInSliceIsTheFirstUeOfTheHeader() {
        assertThat(AccessUnitAssembler.firstMbIsZero(new byte[] {0x65, (byte) 0x88}))
                .isTrue();
        assertThat(AccessUnitAssembler.firstMbIsZero(new byte[] {0x65, 0x40})).isFalse(); // ue 010 = 1
        assertThat(AccessUnitAssembler.firstMbIsZero(new byte[] {0x65})).isFalse();
    }
}
