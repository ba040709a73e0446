package org.openvto.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;

/** Server transactions exist only where state is needed: stateless answers (§8.2.7) leave nothing behind. */
class TransactionLayerTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<String> seenByUser = new ArrayList<>();
    private final TransactionLayer layer = new TransactionLayer(TransactionTimers.DEFAULT);
    private final RecordingContext udp = new RecordingContext(false, scheduler, scheduler::nowMillis);

    private List<Integer> sent() {
        return udp.sent.stream().map(m -> ((SipResponse) m).statusCode()).toList();
    }

    private void user(BiConsumer<SipRequest, ServerTransactionHandle> onRequest) {
        layer.setUser((request, tx) -> {
            seenByUser.add(request.method() + (tx == null ? "" : " " + tx.id()));
            onRequest.accept(request, tx);
        });
    }

    @Test
    void aStatelessAnswerKeepsNoTransactionSoARetransmissionReachesTheUserAgain() {
        user((r, tx) -> tx.respondStatelessly(SipResponse.createFor(r, 401, "Unauthorized")));
        SipRequest options = TransactionTimersTest.request("OPTIONS");
        layer.receive(options, udp);
        layer.receive(options, udp);
        assertThat(sent()).containsExactly(401, 401);
        assertThat(seenByUser)
                .containsExactly(
                        "OPTIONS z9hG4bK-1|127.0.0.1:5062|OPTIONS", "OPTIONS z9hG4bK-1|127.0.0.1:5062|OPTIONS");
        assertThat(layer.sizes()).containsExactly(0, 0);
    }

    @Test
    void aStatefulAnswerAbsorbsRetransmissionsUntilTimerJ() {
        user((r, tx) -> tx.respond(SipResponse.createFor(r, 200, "OK")));
        SipRequest options = TransactionTimersTest.request("OPTIONS");
        layer.receive(options, udp);
        layer.receive(options, udp);
        assertThat(sent()).as("the retransmission gets the stored 200").containsExactly(200, 200);
        assertThat(seenByUser).hasSize(1);
        assertThat(layer.sizes()).containsExactly(1, 0);
        scheduler.advance(Duration.ofSeconds(32));
        assertThat(layer.sizes()).containsExactly(0, 0);
    }

    @Test
    void aRequestTheUserHasNotAnsweredYetGetsATransactionThatAbsorbsRetransmissions() {
        List<ServerTransactionHandle> pending = new ArrayList<>();
        user((r, tx) -> pending.add(tx));
        SipRequest bye = TransactionTimersTest.request("BYE");
        layer.receive(bye, udp);
        layer.receive(bye, udp);
        assertThat(seenByUser).hasSize(1);
        pending.get(0).respondStatelessly(SipResponse.createFor(bye, 200, "OK")); // already stateful: stays so
        layer.receive(bye, udp);
        assertThat(sent()).containsExactly(200, 200);
    }

    @Test
    void aProvisionalAnswerIsNeverStateless() {
        user((r, tx) -> tx.respondStatelessly(SipResponse.createFor(r, 100, "Trying")));
        SipRequest invite = TransactionTimersTest.request("INVITE");
        layer.receive(invite, udp);
        layer.receive(invite, udp);
        assertThat(sent()).containsExactly(100, 100);
        assertThat(seenByUser).hasSize(1);
    }
}
