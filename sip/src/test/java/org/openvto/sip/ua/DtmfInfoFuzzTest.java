package org.openvto.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the INFO DTMF reader: any body under either content type is a digit of {@code 0-9*#A-D} or a
 * reason, never an exception. Seed corpus in {@code src/test/resources/org/openvto/sip/ua/DtmfInfoFuzzTestInputs/};
 * fuzz with {@code JAZZER_FUZZ=1 mvn -pl sip test -Dtest=DtmfInfoFuzzTest}.
 */
class DtmfInfoFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyBodyIsADigitOrAReason(byte[] body) {
        for (String type : new String[] {"application/dtmf-relay", "application/dtmf"}) {
            switch (DtmfInfo.parse(type, body)) {
                case DtmfInfo.Result.Digit d -> assertThat("0123456789*#ABCD").contains(String.valueOf(d.digit()));
                case DtmfInfo.Result.NotDtmf n -> assertThat(n.reason()).isNotBlank();
            }
        }
    }
}
