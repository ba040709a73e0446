package org.openvto.alarm;

import org.openvto.event.Event;

/**
 * An alarm was raised or changed state: {@code alarm/tamper/raised}, {@code alarm/duress/delivered},
 * {@code alarm/door-not-closed/acknowledged}, {@code alarm/forced-open/cleared}. Published after the change is
 * stored.
 */
public record AlarmChanged(Alarm alarm) implements Event {
    @Override
    public String topic() {
        return "alarm/" + alarm.type().token() + "/" + alarm.state().token();
    }
}
