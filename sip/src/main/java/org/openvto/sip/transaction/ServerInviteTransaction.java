package org.openvto.sip.transaction;

import java.time.Duration;
import org.openvto.sip.codec.SipMethod;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;

/** RFC 3261 §17.2.1 INVITE server transaction (Figure 7), with RFC 6026 §7.1 Accepted. */
public final class ServerInviteTransaction extends Transaction {
    /** §17.2.1; Accepted from RFC 6026. */
    public enum State {
        PROCEEDING,
        COMPLETED,
        CONFIRMED,
        ACCEPTED,
        TERMINATED
    }

    private final ServerTransactionListener listener;
    private State state = State.PROCEEDING;
    private SipResponse lastResponse;
    private Duration timerG;

    public ServerInviteTransaction(TransactionContext context, SipRequest invite, ServerTransactionListener listener) {
        super(context, invite);
        this.listener = listener;
    }

    public State state() {
        return state;
    }

    /** The transaction user's response (provisional or final). */
    public void respond(SipResponse response) {
        handle(new TransactionEvent.ResponseFromTu(response));
    }

    @Override
    public void handle(TransactionEvent event) {
        switch (state) {
            case PROCEEDING -> proceeding(event);
            case COMPLETED -> completed(event);
            case CONFIRMED -> {
                if (event instanceof TransactionEvent.TimerFired(TimerName n) && n == TimerName.I) {
                    terminate(); // §17.2.1: Timer I → Terminated
                } // ACK retransmissions absorbed
            }
            case ACCEPTED -> accepted(event);
            case TERMINATED -> {}
        }
    }

    private void proceeding(TransactionEvent event) {
        switch (event) {
            case TransactionEvent.RequestReceived(SipRequest r)
            when SipMethod.INVITE.equals(r.method()) -> {
                if (lastResponse != null) {
                    send(lastResponse); // §17.2.1: retransmitted INVITE → resend the last provisional
                }
            }
            case TransactionEvent.ResponseFromTu(SipResponse r)
            when r.statusCode() < 200 -> {
                lastResponse = r;
                send(r);
            }
            case TransactionEvent.ResponseFromTu(SipResponse r)
            when r.statusCode() < 300 -> {
                send(r);
                state = State.ACCEPTED; // RFC 6026 §7.1: 2xx → Accepted, Timer L = 64*T1
                start(TimerName.L, context.timers().timeout());
                lastResponse = null; // Accepted only absorbs INVITE retransmissions: keep nothing for 32 s
                releaseRequest();
            }
            case TransactionEvent.ResponseFromTu(SipResponse r) -> {
                lastResponse = r;
                send(r);
                state = State.COMPLETED; // §17.2.1: 300–699 → Completed, Timers G and H
                if (!context.reliable()) {
                    timerG = context.timers().t1();
                    start(TimerName.G, timerG);
                }
                start(TimerName.H, context.timers().timeout());
            }
            case TransactionEvent.TransportError(String reason) -> {
                terminate();
                listener.onTransportError(this, reason);
            }
            default -> {}
        }
    }

    private void completed(TransactionEvent event) {
        switch (event) {
            case TransactionEvent.RequestReceived(SipRequest r)
            when SipMethod.INVITE.equals(r.method()) -> send(lastResponse);
            case TransactionEvent.RequestReceived(SipRequest r)
            when SipMethod.ACK.equals(r.method()) -> {
                stop(TimerName.G);
                stop(TimerName.H);
                state = State.CONFIRMED; // §17.2.1: ACK → Confirmed, Timer I = T4 (0 if reliable)
                start(
                        TimerName.I,
                        context.reliable() ? Duration.ZERO : context.timers().t4());
                lastResponse = null; // Confirmed only absorbs ACKs
                releaseRequest();
            }
            case TransactionEvent.TimerFired(TimerName n)
            when n == TimerName.G -> {
                send(lastResponse); // §17.2.1: retransmit, min(2*G, T2)
                timerG = context.timers().backoff(timerG);
                start(TimerName.G, timerG);
            }
            case TransactionEvent.TimerFired(TimerName n)
            when n == TimerName.H -> {
                terminate(); // §17.2.1: no ACK within 64*T1
                listener.onNoAck(this);
            }
            case TransactionEvent.TransportError(String reason) -> {
                terminate();
                listener.onTransportError(this, reason);
            }
            default -> {}
        }
    }

    private void accepted(TransactionEvent event) {
        switch (event) {
            // RFC 6026 §7.1: INVITE retransmissions are absorbed; the TU retransmits 2xx itself
            case TransactionEvent.ResponseFromTu(SipResponse r)
            when r.statusCode() >= 200 && r.statusCode() < 300 -> send(r);
            case TransactionEvent.TimerFired(TimerName n) when n == TimerName.L -> terminate();
            default -> {}
        }
    }

    private void send(SipResponse response) {
        if (!context.send(response)) {
            handle(new TransactionEvent.TransportError("cannot send response"));
        }
    }

    private void terminate() {
        state = State.TERMINATED;
        finish();
    }
}
