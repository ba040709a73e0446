package org.openvto.media.h264;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H264LevelTest {
    @Test
    void theLevelIsTheLowestWhoseFrameSizeAndMacroblockRateFit() {
        assertThat(H264Level.levelIdc(176, 144, 15)).as("QCIF 15 fps").isEqualTo(10);
        assertThat(H264Level.levelIdc(352, 288, 25)).as("CIF 25 fps").isEqualTo(13);
        assertThat(H264Level.levelIdc(640, 480, 25)).isEqualTo(30);
        assertThat(H264Level.levelIdc(1280, 720, 25)).isEqualTo(31);
        assertThat(H264Level.levelIdc(1280, 720, 60)).isEqualTo(32);
        assertThat(H264Level.levelIdc(1920, 1080, 25)).isEqualTo(40);
        assertThat(H264Level.levelIdc(1920, 1080, 60)).isEqualTo(42);
    }

    @Test
    void aBaselineSpsIsDeclaredConstrainedBaselineAtTheLevelAndOthersAreLeftAlone() {
        byte[] jcodec = {0x67, 66, 0, 40, (byte) 0xf4, 0x05};
        byte[] cb = H264Level.asConstrainedBaseline(jcodec, 31);
        assertThat(cb).containsExactly(0x67, 66, (byte) 0xc0, 31, (byte) 0xf4, 0x05);
        assertThat(jcodec[3]).as("a copy").isEqualTo((byte) 40);
        byte[] high = {0x67, 100, 0, 40};
        assertThat(H264Level.asConstrainedBaseline(high, 31)).isSameAs(high);
        byte[] pps = {0x68, 66, 0, 40};
        assertThat(H264Level.asConstrainedBaseline(pps, 31)).isSameAs(pps);
    }
}
