package org.openvto.call;

/**
 * Where one of the VTO's own calls is. Outgoing: IDLE → CALLING (INVITE sent, RFC 3261 §13.2.1) → RINGING (180/183,
 * §13.2.2.1) → TALKING (2xx, §13.2.2.4) → ENDED. Incoming monitor sessions (Quick Start Guide 4.3.2): IDLE → TALKING
 * (answered at once, §13.3.1.4) → ENDED. {@code IDLE} is also what {@link Calls#current()} says when no call is active.
 */
public enum CallState {
    IDLE,
    CALLING,
    RINGING,
    TALKING,
    ENDED;

    /** A call in this state holds the line: no other visitor call may start. */
    public boolean active() {
        return this == CALLING || this == RINGING || this == TALKING;
    }
}
