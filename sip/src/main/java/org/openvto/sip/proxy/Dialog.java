package org.openvto.sip.proxy;

import java.time.Instant;
import java.util.List;

/**
 * One INVITE dialog as the proxy sees it (RFC 3261 §12): created early by a provisional response with a To
 * tag (§12.1), confirmed by a 2xx, ended by a non-2xx final answer of its branch, by BYE (§15) or by
 * expiry. A forked call has one early dialog per answering device; the first 2xx confirms one and the
 * CANCELled branches' 487 ends the others.
 *
 * <p>The state machine is {@link #on}; everything else is read-only data. Not thread-safe: the
 * {@link DialogTable} that owns it is driven from the SIP thread; readers on other threads get
 * {@link DialogInfo} snapshots.
 */
public final class Dialog {
    /** §12: Early → Confirmed → Terminated; an early dialog may also end directly. */
    public enum State {
        EARLY,
        CONFIRMED,
        TERMINATED
    }

    private final DialogId id;
    private final String caller;
    private final String callee;
    private final String requestUri;
    private final Instant createdAt;
    private State state = State.EARLY;
    private List<String> routeSet = List.of();
    private String calleeTarget;
    private Instant answeredAt;
    private Instant endedAt;
    private String endReason;

    Dialog(DialogId id, String caller, String callee, String requestUri, Instant createdAt) {
        this.id = id;
        this.caller = caller;
        this.callee = callee;
        this.requestUri = requestUri;
        this.createdAt = createdAt;
    }

    /**
     * Feeds one event; returns the state before it (equal to {@link #state()} when the event changed nothing,
     * e.g. a 180 retransmission or a second 2xx).
     */
    State on(DialogEvent event, Instant now) {
        State before = state;
        switch (state) {
            case EARLY -> {
                switch (event) {
                    case DialogEvent.Provisional p -> {} // §12.1: further 1xx keep the early dialog
                    case DialogEvent.Answered(List<String> routes, String target) -> {
                        state = State.CONFIRMED; // §12.1.2 / §13.2.2.4: 2xx confirms, route set from Record-Route
                        routeSet = routes;
                        calleeTarget = target;
                        answeredAt = now;
                    }
                    case DialogEvent.Rejected(int status) -> end(now, "rejected " + status); // §12.3: non-2xx final
                    case DialogEvent.Bye b -> end(now, "BYE"); // §15: BYE in an early dialog (callee side)
                    case DialogEvent.Expired(String why) -> end(now, why);
                }
            }
            case CONFIRMED -> {
                switch (event) {
                    case DialogEvent.Bye b -> end(now, "BYE"); // §15.1.2: BYE ends the session and the dialog
                    case DialogEvent.Expired(String why) -> end(now, why);
                    case DialogEvent.Provisional p -> {} // late 1xx after a 2xx: ignored
                    case DialogEvent.Answered a -> {} // 2xx retransmission
                    case DialogEvent.Rejected r -> {} // a branch's late failure cannot undo an answered call
                }
            }
            case TERMINATED -> {}
        }
        return before;
    }

    private void end(Instant now, String reason) {
        state = State.TERMINATED;
        endedAt = now;
        endReason = reason;
    }

    public DialogId id() {
        return id;
    }

    public State state() {
        return state;
    }

    /** An immutable copy for other threads (status pages, records). */
    public DialogInfo snapshot() {
        return new DialogInfo(
                id,
                state,
                caller,
                callee,
                requestUri,
                routeSet,
                calleeTarget,
                createdAt,
                answeredAt,
                endedAt,
                endReason);
    }
}
