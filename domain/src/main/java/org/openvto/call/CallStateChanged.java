package org.openvto.call;

import java.time.Instant;
import org.openvto.event.Event;

/**
 * A call routed by the building SIP server changed state; topic {@code call/<callId>/<state>} with state
 * {@code ringing} (early dialog), {@code answered} (confirmed) or {@code ended}. A forked call to a room
 * may report several {@code ringing} devices ({@code device} differs) before one answers.
 *
 * <p>Published on the SIP thread (the bus delivers synchronously): subscribers must not block — a call record
 * that goes to the database is handed to the subscriber's own executor.
 *
 * @param callId  the SIP Call-ID
 * @param device  the callee device's dialog tag, telling the devices of a forked call apart
 * @param caller  the caller's SIP URI (a VTO or a room device)
 * @param callee  the called URI (a room, a device or a VTO)
 * @param reason  why it ended ("BYE", "rejected 486", "expired …"); null unless ended
 */
public record CallStateChanged(
        String callId, String device, State state, String caller, String callee, Instant at, String reason)
        implements Event {
    /** The call's state as residents and records see it. */
    public enum State {
        RINGING,
        ANSWERED,
        ENDED
    }

    @Override
    public String topic() {
        return "call/" + callId + "/" + state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
