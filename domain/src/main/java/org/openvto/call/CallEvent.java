package org.openvto.call;

import java.time.Instant;
import java.util.Locale;
import org.openvto.event.Event;

/**
 * One step of a call of the VTO itself (a visitor calling a room, a VTO or the centre; an indoor monitor watching
 * the door), published by {@link Calls}; topic {@code call/<callId>/<kind>} ({@code call/vto-…/hung-up}). Calls the
 * building SIP server routes between other devices are {@link CallStateChanged}s.
 *
 * <p>The event of a call's end ({@link Kind#ended()}) is published only once the call's record is stored ("write
 * before you report"). Published on the calls feature's threads; the bus delivers synchronously, so subscribers
 * must not block.
 *
 * @param callId    the call's id, the one {@link CallSignalling} and {@link CallSignal} name it by
 * @param peer      the number called ({@code 101}, {@code 8002}, {@code 888888}) or the calling device ({@code
 *                  101#0})
 * @param device    the device that rang or answered ({@code 101#1}); empty when none
 * @param reason    how it ended ("no answer in 30 s", "486 Busy Here", "BYE from 101#1"); empty unless it ended
 * @param emergency a call to the centre from the call-centre key (guide 1.2 "Emergency call")
 */
public record CallEvent(
        String callId, Kind kind, String peer, String device, Instant at, String reason, boolean emergency)
        implements Event {
    public enum Kind {
        /** The VTO dialled, or an indoor monitor called the VTO. */
        INVITE,
        /** A device of the called room rings (180/183); once per ringing device. */
        RINGING,
        /** The call is talking: a device answered, or the VTO answered a monitor session. */
        ANSWERED,
        /** The call ended after an answer, or the visitor hung up before one. */
        HUNG_UP,
        /** Nobody answered before the ring timeout (or the callee's side gave up ringing). */
        NOT_ANSWERED,
        /** The callee was busy or declined (486, 600, 603), or the VTO refused a monitor session while busy. */
        REFUSED,
        /** Any other end without an answer: no such number, no common codec (488), no response. */
        FAILED;

        /** {@code hung-up}: the topic's last segment. */
        public String token() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The call is over (its record is stored by the time the event is published). */
        public boolean ended() {
            return this != INVITE && this != RINGING && this != ANSWERED;
        }
    }

    public CallEvent {
        device = device == null ? "" : device;
        reason = reason == null ? "" : reason;
    }

    @Override
    public String topic() {
        return "call/" + callId + "/" + kind.token();
    }
}
