package org.openvto.sip.transaction;

import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;

/** RFC 3261 §17.1.1 (with RFC 6026 §7.2 Accepted) INVITE client transaction. */
public final class ClientInviteTransaction extends Transaction implements ClientTransaction {
    /** §17.1.1.2, Figure 5; Accepted from RFC 6026. */
    public enum State {
        CALLING,
        PROCEEDING,
        COMPLETED,
        ACCEPTED,
        TERMINATED
    }

    private final ClientTransactionListener listener;
    private State state = State.CALLING;
    private java.time.Duration timerA;
    private SipRequest ack;

    public ClientInviteTransaction(TransactionContext context, SipRequest invite, ClientTransactionListener listener) {
        super(context, invite);
        context.onTransportError(reason -> handle(new TransactionEvent.TransportError(reason))); // §17.1.4
        this.listener = listener;
    }

    public State state() {
        return state;
    }

    @Override
    public void start() {
        if (!context.send(request())) {
            handle(new TransactionEvent.TransportError("cannot send INVITE"));
            return;
        }
        if (!context.reliable()) {
            timerA = context.timers().t1();
            start(TimerName.A, timerA); // §17.1.1.2: Timer A = T1, doubling
        }
        start(TimerName.B, context.timers().timeout()); // Timer B = 64*T1
    }

    @Override
    public void handle(TransactionEvent event) {
        switch (state) {
            case CALLING, PROCEEDING -> calling(event);
            case COMPLETED -> completed(event);
            case ACCEPTED -> accepted(event);
            case TERMINATED -> {}
        }
    }

    private void calling(TransactionEvent event) {
        switch (event) {
            case TransactionEvent.TimerFired(TimerName name)
            when name == TimerName.A && state == State.CALLING -> {
                context.send(request()); // §17.1.1.2: retransmit, Timer A doubles
                timerA = timerA.multipliedBy(2);
                start(TimerName.A, timerA);
            }
            case TransactionEvent.TimerFired(TimerName name)
            when name == TimerName.B -> {
                terminate(); // §17.1.1.2: Timer B fires → timeout to TU
                listener.onTimeout(this, "Timer B");
            }
            case TransactionEvent.TransportError(String reason) -> {
                terminate(); // §17.1.4
                listener.onTimeout(this, reason);
            }
            case TransactionEvent.ResponseReceived(SipResponse r)
            when r.statusCode() < 200 -> {
                stop(TimerName.A); // §17.1.1.2: 1xx → Proceeding, stop retransmitting
                state = State.PROCEEDING;
                listener.onResponse(this, r);
            }
            case TransactionEvent.ResponseReceived(SipResponse r)
            when r.statusCode() < 300 -> {
                stopAll(); // RFC 6026 §7.2: 2xx → Accepted, Timer M = 64*T1
                state = State.ACCEPTED;
                releaseRequest(); // Accepted only passes 2xx retransmissions up: the INVITE is not needed again
                start(TimerName.M, context.timers().timeout());
                listener.onResponse(this, r);
            }
            case TransactionEvent.ResponseReceived(SipResponse r) -> {
                stop(TimerName.A);
                stop(TimerName.B); // §17.1.1.2: 300–699 → Completed, ACK, Timer D
                state = State.COMPLETED;
                ack = request().ackFor(r); // §17.1.1.3: in the same transaction
                context.send(ack);
                start(TimerName.D, context.timers().timerD(context.reliable()));
                listener.onResponse(this, r);
            }
            default -> {}
        }
    }

    private void completed(TransactionEvent event) {
        switch (event) {
            case TransactionEvent.ResponseReceived(SipResponse r)
            when r.statusCode() >= 300 -> context.send(ack); // §17.1.1.2 absorb, re-ACK
            case TransactionEvent.TimerFired(TimerName name) when name == TimerName.D -> terminate();
            case TransactionEvent.TransportError(String reason) -> terminate();
            default -> {}
        }
    }

    private void accepted(TransactionEvent event) {
        switch (event) {
            case TransactionEvent.ResponseReceived(SipResponse r)
            when r.statusCode() >= 200 && r.statusCode() < 300 ->
                listener.onResponse(this, r); // RFC 6026: further 2xx go to the TU (forked answers)
            case TransactionEvent.TimerFired(TimerName name) when name == TimerName.M -> terminate();
            default -> {}
        }
    }

    private void terminate() {
        state = State.TERMINATED;
        finish();
    }
}
