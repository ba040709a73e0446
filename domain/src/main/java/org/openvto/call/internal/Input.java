package org.openvto.call.internal;

import java.time.Instant;
import org.openvto.call.CallSignal;
import org.openvto.facade.io.KeypadKey;

/** Everything the call state machine reacts to, each handled on the one calls thread ({@link CallMachine#on}). */
public sealed interface Input {
    /** A call key of the camera or a button module ({@code room} empty: the key is unassigned). */
    record CallKey(String room, Instant at) implements Input {}

    /** A key of the keyboard module. */
    record Keypad(KeypadKey key, Instant at) implements Input {}

    /** What SIP reported, queued from the SIP thread. */
    record Signal(CallSignal signal) implements Input {}

    /** The ring timeout, talk time or monitor time of call {@code callId} is over. */
    record Timeout(String callId) implements Input {}

    /** A second passed: the countdown on the display of call {@code callId}. */
    record Tick(String callId) implements Input {}

    /** The feature closes: the active call is hung up and recorded. */
    record Stop() implements Input {}
}
