package org.openvto.call;

import java.util.Optional;
import org.openvto.records.CallRecord;

/**
 * What the VTO's line is doing now, for the console and the API ({@link Calls#current()}). Immutable.
 *
 * @param state       {@link CallState#IDLE} when no call is active
 * @param callId      empty when idle
 * @param direction   empty when idle
 * @param peer        the number called or the calling device; empty when idle
 * @param device      the device ringing or talking; empty when none
 * @param secondsLeft until the ring timeout (CALLING, RINGING) or the end of the talk or monitor time (TALKING);
 *                    0 when idle
 * @param emergency   the active call is an emergency call to the centre
 */
public record CallStatus(
        CallState state,
        String callId,
        Optional<CallRecord.Direction> direction,
        String peer,
        String device,
        long secondsLeft,
        boolean emergency) {
    public static final CallStatus IDLE = new CallStatus(CallState.IDLE, "", Optional.empty(), "", "", 0, false);
}
