package org.openvto.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvto.access.Credential;
import org.openvto.call.CallEvent.Kind;

/** The calls thread never waits for blocking work, and the blocking work keeps each call's order. */
class CallsThreadingTest {
    private final CallsFixture f = new CallsFixture(true);

    @Test
    void theLineIsFreeAtOnceButTheEndIsReportedOnlyOnceItsRecordIsStored() {
        List<Integer> recordsWhenReported = new ArrayList<>();
        f.bus.subscribe(CallEvent.class, e -> {
            if (e.kind().ended()) {
                recordsWhenReported.add(f.records.rows.size());
            }
        });
        f.press("101");
        String id = f.dialled();
        f.signal(new CallSignal.Ringing(id, "101#0", false));
        f.advance(Duration.ofSeconds(30));

        assertThat(f.sip.hangUps).containsExactly(id);
        assertThat(f.calls.current()).isEqualTo(CallStatus.IDLE);
        assertThat(f.records.rows).as("not written on the calls thread").isEmpty();
        assertThat(f.events).as("nothing published on the calls thread").isEmpty();
        f.press("102");
        assertThat(f.sip.dials)
                .as("the next visitor need not wait for the record")
                .hasSize(2);

        f.runIo();
        assertThat(f.records.rows).hasSize(1);
        assertThat(f.records.rows.getFirst().snapshot()).isTrue();
        assertThat(f.kinds(id)).containsExactly(Kind.INVITE, Kind.RINGING, Kind.NOT_ANSWERED);
        assertThat(recordsWhenReported).as("write before you report").containsExactly(1);
    }

    @Test
    void dtmfUnlocksOffTheCallsThreadInTheOrderTheDigitsCame() {
        f.press("101");
        String id = f.dialled();
        f.signal(new CallSignal.Answered(id, "101#0"));
        f.signal(new CallSignal.Dtmf(id, "101#0", "1", "rfc4733"));
        f.signal(new CallSignal.Dtmf(id, "101#0", "2", "rfc4733"));
        assertThat(f.unlocks).isEmpty();
        f.runIo();
        assertThat(f.unlocks)
                .containsExactly(new Credential.Dtmf("1", "101#0", "101"), new Credential.Dtmf("2", "101#0", "101"));
    }
}
