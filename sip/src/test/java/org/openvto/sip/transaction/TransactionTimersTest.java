package org.openvto.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;

/** The RFC 3261 §17 timers, driven by a fake clock: no test here sleeps. */
class TransactionTimersTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<String> events = new ArrayList<>();
    private RecordingContext recording;

    private TransactionContext context(boolean reliable) {
        recording = new RecordingContext(reliable, scheduler, scheduler::nowMillis);
        return recording;
    }

    private final ClientTransactionListener clientListener = new ClientTransactionListener() {
        @Override
        public void onResponse(ClientTransaction t, SipResponse r) {
            events.add("response " + r.statusCode() + " at " + scheduler.nowMillis());
        }

        @Override
        public void onTimeout(ClientTransaction t, String reason) {
            events.add(reason + " at " + scheduler.nowMillis());
        }
    };

    static SipRequest request(String method) {
        SipRequest r = new SipRequest(method, "sip:101@VDP");
        r.headers().add("Via", "SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK-1");
        r.headers().add("Max-Forwards", "70");
        r.headers().add("From", "<sip:8001@VDP>;tag=a");
        r.headers().add("To", "<sip:101@VDP>");
        r.headers().add("Call-ID", "c1");
        r.headers().add("CSeq", "1 " + method);
        return r;
    }

    static SipResponse response(SipRequest r, int status) {
        return SipResponse.createFor(r, status, "X");
    }

    @Test
    void inviteClientRetransmitsAtT1DoublingAndTimerBFiresAt64T1() {
        var tx = new ClientInviteTransaction(context(false), request("INVITE"), clientListener);
        tx.start();
        scheduler.advance(Duration.ofSeconds(40));
        assertThat(recording.sentAt).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L);
        assertThat(events).containsExactly("Timer B at 32000");
        assertThat(tx.terminated()).isTrue();
    }

    @Test
    void inviteClientStopsRetransmittingOnProvisionalAndAcksAFailureAgainOnEachRetransmission() {
        SipRequest invite = request("INVITE");
        var tx = new ClientInviteTransaction(context(false), invite, clientListener);
        tx.start();
        scheduler.advance(Duration.ofMillis(600));
        tx.handle(new TransactionEvent.ResponseReceived(response(invite, 180)));
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(recording.sentAt).containsExactly(0L, 500L);
        tx.handle(new TransactionEvent.ResponseReceived(response(invite, 486)));
        tx.handle(new TransactionEvent.ResponseReceived(response(invite, 486)));
        assertThat(recording.sent).hasSize(4);
        assertThat(((SipRequest) recording.sent.get(2)).method()).isEqualTo("ACK");
        assertThat(recording.sent.get(2).cseq().method()).isEqualTo("ACK");
        assertThat(events).containsExactly("response 180 at 600", "response 486 at 5600");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.COMPLETED);
        scheduler.advance(Duration.ofSeconds(32));
        assertThat(tx.terminated()).as("Timer D").isTrue();
    }

    @Test
    void nonInviteClientCapsRetransmissionsAtT2AndTimerFFires() {
        var tx = new ClientNonInviteTransaction(context(false), request("REGISTER"), clientListener);
        tx.start();
        scheduler.advance(Duration.ofSeconds(40));
        assertThat(recording.sentAt)
                .containsExactly(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L);
        assertThat(events).containsExactly("Timer F at 32000");
    }

    @Test
    void reliableTransportsNeverRetransmitAndTimerKIsZero() {
        SipRequest register = request("REGISTER");
        var tx = new ClientNonInviteTransaction(context(true), register, clientListener);
        tx.start();
        scheduler.advance(Duration.ofSeconds(10));
        tx.handle(new TransactionEvent.ResponseReceived(response(register, 200)));
        scheduler.advance(Duration.ZERO);
        assertThat(recording.sentAt).containsExactly(0L);
        assertThat(tx.terminated()).isTrue();
    }

    @Test
    void inviteServerRetransmitsAFailureUntilAckThenTimerITerminates() {
        SipRequest invite = request("INVITE");
        var tx = new ServerInviteTransaction(context(false), invite, new ServerTransactionListener() {});
        tx.respond(response(invite, 486));
        scheduler.advance(Duration.ofMillis(3600));
        assertThat(recording.sentAt).containsExactly(0L, 500L, 1500L, 3500L);
        tx.handle(new TransactionEvent.RequestReceived(invite));
        assertThat(recording.sent).hasSize(5);
        SipRequest ack = request("ACK");
        tx.handle(new TransactionEvent.RequestReceived(ack));
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.CONFIRMED);
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(tx.terminated()).as("Timer I = T4").isTrue();
        assertThat(recording.sent).hasSize(5);
    }

    @Test
    void inviteServerGivesUpWhenTimerHFiresWithoutAck() {
        SipRequest invite = request("INVITE");
        List<String> noAck = new ArrayList<>();
        var tx = new ServerInviteTransaction(context(false), invite, new ServerTransactionListener() {
            @Override
            public void onNoAck(ServerInviteTransaction t) {
                noAck.add("H at " + scheduler.nowMillis());
            }
        });
        tx.respond(response(invite, 480));
        scheduler.advance(Duration.ofSeconds(40));
        assertThat(recording.sentAt)
                .containsExactly(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L);
        assertThat(noAck).containsExactly("H at 32000");
    }

    @Test
    void nonInviteServerAbsorbsRetransmissionsWithTheLastResponseUntilTimerJ() {
        SipRequest register = request("REGISTER");
        var tx = new ServerNonInviteTransaction(context(false), register, new ServerTransactionListener() {});
        tx.handle(new TransactionEvent.RequestReceived(register));
        assertThat(recording.sent).isEmpty();
        tx.respond(response(register, 401));
        tx.handle(new TransactionEvent.RequestReceived(register));
        assertThat(recording.sent).hasSize(2).allMatch(m -> ((SipResponse) m).statusCode() == 401);
        scheduler.advance(Duration.ofSeconds(31));
        assertThat(tx.terminated()).isFalse();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(tx.terminated()).as("Timer J = 64*T1").isTrue();
    }

    @Test
    void inviteServerAcceptedStateAbsorbsInviteRetransmissionsAfter2xx() {
        SipRequest invite = request("INVITE");
        var tx = new ServerInviteTransaction(context(false), invite, new ServerTransactionListener() {});
        tx.respond(response(invite, 200));
        tx.handle(new TransactionEvent.RequestReceived(invite));
        assertThat(recording.sent).hasSize(1);
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.ACCEPTED);
        scheduler.advance(Duration.ofSeconds(32));
        assertThat(tx.terminated()).as("Timer L").isTrue();
    }
}
