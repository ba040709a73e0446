package org.openvto.media.h264;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class H264FmtpTest {
    private static final byte[] SPS = HexFormat.of().parseHex("6742e01fda0280bfe5c04400000fa40003a98238");
    private static final byte[] PPS = HexFormat.of().parseHex("68ce3c80");

    @Test
    void theProfileLevelIdComesFromTheSpsAndTheParameterSetsAreBase64() {
        H264Fmtp f = H264Fmtp.of(SPS, PPS);
        assertThat(f.profileLevelId()).isEqualTo("42e01f");
        assertThat(f.profileIdc()).isEqualTo(66);
        assertThat(f.levelIdc()).isEqualTo(31);
        assertThat(f.format())
                .isEqualTo("profile-level-id=42e01f;packetization-mode=1;sprop-parameter-sets="
                        + "Z0LgH9oCgL/lwEQAAA+kAAOpgjg=,aM48gA==");
    }

    @Test
    void whatAPeerOffersIsReadBackWithTheRfcDefaults() {
        var back = H264Fmtp.parse(H264Fmtp.of(SPS, PPS).format()).orElseThrow();
        assertThat(back.parameterSets()).containsExactly(SPS, PPS);
        var bare = H264Fmtp.parse("level-asymmetry-allowed=1").orElseThrow();
        assertThat(bare.profileLevelId()).isEqualTo("420010");
        assertThat(bare.packetizationMode()).isZero();
        assertThat(H264Fmtp.parse("profile-level-id=42E01F; packetization-mode=1")
                        .orElseThrow()
                        .profileLevelId())
                .isEqualTo("42e01f");
    }

    @Test
    void aMalformedLineIsEmptyNotAnException() {
        assertThat(H264Fmtp.parse("profile-level-id=xyz")).isEmpty();
        assertThat(H264Fmtp.parse("packetization-mode=7")).isEmpty();
        assertThat(H264Fmtp.parse("sprop-parameter-sets=%%%")).isEmpty();
        assertThat(H264Fmtp.parse("garbage")).isEmpty();
    }
}
