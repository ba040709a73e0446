package org.openvto.sip.transaction;

import java.time.Duration;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;

/** RFC 3261 §17.1.2 non-INVITE client transaction (Figure 6). */
public final class ClientNonInviteTransaction extends Transaction implements ClientTransaction {
    /** §17.1.2.2. */
    public enum State {
        TRYING,
        PROCEEDING,
        COMPLETED,
        TERMINATED
    }

    private final ClientTransactionListener listener;
    private State state = State.TRYING;
    private Duration timerE;

    public ClientNonInviteTransaction(
            TransactionContext context, SipRequest request, ClientTransactionListener listener) {
        super(context, request);
        context.onTransportError(reason -> handle(new TransactionEvent.TransportError(reason))); // §17.1.4
        this.listener = listener;
    }

    public State state() {
        return state;
    }

    @Override
    public void start() {
        if (!context.send(request())) {
            handle(new TransactionEvent.TransportError(
                    "cannot send " + request().method()));
            return;
        }
        if (!context.reliable()) {
            timerE = context.timers().t1();
            start(TimerName.E, timerE); // §17.1.2.2: Timer E = T1
        }
        start(TimerName.F, context.timers().timeout()); // Timer F = 64*T1
    }

    @Override
    public void handle(TransactionEvent event) {
        switch (state) {
            case TRYING, PROCEEDING -> active(event);
            case COMPLETED -> {
                if (event instanceof TransactionEvent.TimerFired(TimerName name) && name == TimerName.K) {
                    terminate(); // §17.1.2.2: Timer K → Terminated
                }
                // responses in Completed are retransmissions: absorbed
            }
            case TERMINATED -> {}
        }
    }

    private void active(TransactionEvent event) {
        switch (event) {
            case TransactionEvent.TimerFired(TimerName name)
            when name == TimerName.E -> {
                context.send(request());
                // §17.1.2.2: Trying doubles up to T2; Proceeding retransmits every T2
                timerE = state == State.PROCEEDING
                        ? context.timers().t2()
                        : context.timers().backoff(timerE);
                start(TimerName.E, timerE);
            }
            case TransactionEvent.TimerFired(TimerName name)
            when name == TimerName.F -> {
                terminate();
                listener.onTimeout(this, "Timer F");
            }
            case TransactionEvent.TransportError(String reason) -> {
                terminate();
                listener.onTimeout(this, reason);
            }
            case TransactionEvent.ResponseReceived(SipResponse r)
            when r.statusCode() < 200 -> {
                state = State.PROCEEDING;
                listener.onResponse(this, r);
            }
            case TransactionEvent.ResponseReceived(SipResponse r) -> {
                stop(TimerName.E);
                stop(TimerName.F);
                state = State.COMPLETED; // §17.1.2.2: final → Completed, Timer K = T4 (0 if reliable)
                start(
                        TimerName.K,
                        context.reliable() ? Duration.ZERO : context.timers().t4());
                releaseRequest(); // Completed only absorbs response retransmissions
                listener.onResponse(this, r);
            }
            default -> {}
        }
    }

    private void terminate() {
        state = State.TERMINATED;
        finish();
    }
}
