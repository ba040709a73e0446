package org.openvto.media.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the RFC 4733 reader and the key detector behind it: any payload is an event or a reason, never an
 * exception, and however the packets of one timestamp repeat, at most one key comes out of them. Seeds in {@code
 * src/test/resources/org/openvto/media/call/internal/TelephoneEventFuzzTestInputs/}; fuzz with {@code JAZZER_FUZZ=1
 * mvn -pl media test -Dtest=TelephoneEventFuzzTest}.
 */
class TelephoneEventFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyPayloadIsAnEventOrAReasonAndOneTimestampOneKey(byte[] data) {
        DtmfDetector detector = new DtmfDetector();
        int keys = 0;
        for (int at = 0; at < data.length; at += 4) {
            int length = Math.min(4, data.length - at);
            switch (TelephoneEvent.decode(data, at, length)) {
                case TelephoneEvent.Decoded.Malformed m ->
                    assertThat(m.reason()).isNotBlank();
                case TelephoneEvent.Decoded.Event(TelephoneEvent e) -> {
                    assertThat(e.volume()).isBetween(0, 63);
                    assertThat(e.duration()).isBetween(0, 0xFFFF);
                    if (detector.packet(4711, (data[at] & 1) != 0, e) != 0) {
                        keys++;
                    }
                }
            }
        }
        assertThat(keys).isLessThanOrEqualTo(1);
    }
}
