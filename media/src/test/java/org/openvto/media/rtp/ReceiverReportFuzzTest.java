package org.openvto.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the RTCP reader: any bytes are reports or "not RTCP", never an exception. Seeds in {@code
 * src/test/resources/org/openvto/media/rtp/ReceiverReportFuzzTestInputs/}; fuzz with {@code JAZZER_FUZZ=1 mvn -pl
 * media test -Dtest=ReceiverReportFuzzTest}.
 */
class ReceiverReportFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyBytesAreReportsOrNotRtcp(byte[] data) {
        ReceiverReport.parseCompound(data)
                .ifPresent(reports ->
                        reports.forEach(r -> assertThat(r.blocks().size()).isLessThanOrEqualTo(31)));
    }
}
