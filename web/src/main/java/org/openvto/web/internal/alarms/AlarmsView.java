package org.openvto.web.internal.alarms;

import java.util.List;
import org.openvto.web.internal.view.Notice;

/**
 * What the templates {@code console/alarms.jte} and its live part {@code alarm_list.jte} show: Door Station ›
 * Alarms.
 *
 * @param topics the event names the list follows, space-separated
 * @param centre the state of delivery to the management centre (the outbox)
 */
public record AlarmsView(List<Row> alarms, String topics, String centre, Notice notice) {
    /**
     * One active alarm.
     *
     * @param delivered    when the centre had it (VTO time), empty while not delivered
     * @param ended        its condition is over (tamper switch back, door closed)
     * @param acknowledgeable not yet acknowledged
     */
    public record Row(
            long id,
            String type,
            String title,
            String detail,
            String room,
            String raisedAt,
            String raised,
            String state,
            String delivered,
            String acknowledgedBy,
            boolean ended,
            boolean acknowledgeable) {}
}
