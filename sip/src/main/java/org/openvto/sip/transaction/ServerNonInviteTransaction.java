package org.openvto.sip.transaction;

import java.time.Duration;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;

/** RFC 3261 §17.2.2 non-INVITE server transaction (Figure 8). */
public final class ServerNonInviteTransaction extends Transaction {
    /** §17.2.2. */
    public enum State {
        TRYING,
        PROCEEDING,
        COMPLETED,
        TERMINATED
    }

    private final ServerTransactionListener listener;
    private State state = State.TRYING;
    private SipResponse lastResponse;
    /** The final response as kept for §17.2.2 resends while Timer J runs (the path may keep only its bytes). */
    private TransactionContext.Resendable finalResponse;

    public ServerNonInviteTransaction(
            TransactionContext context, SipRequest request, ServerTransactionListener listener) {
        super(context, request);
        this.listener = listener;
    }

    public State state() {
        return state;
    }

    public void respond(SipResponse response) {
        handle(new TransactionEvent.ResponseFromTu(response));
    }

    @Override
    public void handle(TransactionEvent event) {
        switch (state) {
            case TRYING, PROCEEDING -> active(event);
            case COMPLETED -> {
                switch (event) {
                    case TransactionEvent.RequestReceived r -> finalResponse.send(); // §17.2.2: resend final
                    case TransactionEvent.TimerFired(TimerName n) when n == TimerName.J -> terminate();
                    default -> {}
                }
            }
            case TERMINATED -> {}
        }
    }

    private void active(TransactionEvent event) {
        switch (event) {
            case TransactionEvent.RequestReceived r -> {
                if (state == State.PROCEEDING) {
                    context.send(lastResponse); // §17.2.2: retransmission in Proceeding → last provisional
                } // Trying: absorbed
            }
            case TransactionEvent.ResponseFromTu(SipResponse r)
            when r.statusCode() < 200 -> {
                lastResponse = r;
                state = State.PROCEEDING;
                context.send(r);
            }
            case TransactionEvent.ResponseFromTu(SipResponse r) -> {
                lastResponse = null;
                finalResponse = context.retain(r);
                state = State.COMPLETED; // §17.2.2: final → Completed, Timer J = 64*T1 (0 if reliable)
                if (!finalResponse.send()) {
                    terminate();
                    listener.onTransportError(this, "cannot send response");
                    return;
                }
                start(
                        TimerName.J,
                        context.reliable() ? Duration.ZERO : context.timers().timeout());
                releaseRequest();
            }
            case TransactionEvent.TransportError(String reason) -> {
                terminate();
                listener.onTransportError(this, reason);
            }
            default -> {}
        }
    }

    private void terminate() {
        state = State.TERMINATED;
        finish();
    }
}
