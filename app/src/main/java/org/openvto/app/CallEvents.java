package org.openvto.app;

import java.time.Instant;
import org.openvto.call.CallStateChanged;
import org.openvto.event.EventBus;
import org.openvto.sip.proxy.Dialog;
import org.openvto.sip.proxy.DialogInfo;
import org.openvto.sip.proxy.DialogTable;

/**
 * Turns each routed call's dialog changes into the domain's {@code call/<Call-ID>/ringing|answered|ended}
 * events ({@link CallStateChanged}): the SIP module knows dialogs, the rest of the VTO knows calls. Called on
 * the SIP thread; publishing must not block it, so subscribers that are slow subscribe asynchronously
 * ({@link EventBus#subscribeAsync}).
 */
final class CallEvents implements DialogTable.Listener {
    private final EventBus bus;

    CallEvents(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void onChange(DialogInfo dialog, Dialog.State before) {
        bus.publish(of(dialog));
    }

    /** The call event for the dialog's present state, timed when it entered that state. */
    static CallStateChanged of(DialogInfo d) {
        CallStateChanged.State state = switch (d.state()) {
            case EARLY -> CallStateChanged.State.RINGING;
            case CONFIRMED -> CallStateChanged.State.ANSWERED;
            case TERMINATED -> CallStateChanged.State.ENDED;
        };
        Instant at = switch (d.state()) {
            case EARLY -> d.createdAt();
            case CONFIRMED -> d.answeredAt();
            case TERMINATED -> d.endedAt();
        };
        return new CallStateChanged(
                d.id().callId(), d.id().calleeTag(), state, d.caller(), d.callee(), at, d.endReason());
    }
}
