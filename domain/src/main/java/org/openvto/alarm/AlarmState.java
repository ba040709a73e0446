package org.openvto.alarm;

import java.util.Locale;

/**
 * Where an alarm is in its life. {@code RAISED → DELIVERED} when every destination of the centre has it;
 * {@code RAISED|DELIVERED → ACKNOWLEDGED} when an operator acknowledges it; {@code ACKNOWLEDGED → CLEARED} when its
 * condition has also ended (at once for a momentary alarm). A delivery that completes after the acknowledgement
 * is recorded ({@link Alarm#deliveredAt}) without moving the state back.
 */
public enum AlarmState {
    RAISED,
    DELIVERED,
    ACKNOWLEDGED,
    CLEARED;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Still on the Alarm page's active list. */
    public boolean active() {
        return this != CLEARED;
    }
}
