package org.openvto.web.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openvto.alarm.Alarm;

/** The JSON of an alarm (records, the Alarm page's API and its event stream). */
public final class AlarmJson {
    private AlarmJson() {}

    public static ObjectNode json(Alarm a) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", a.id());
        o.put("type", a.type().token());
        o.put("title", a.type().title());
        o.put("state", a.state().token());
        o.put("detail", a.detail());
        o.put("room", a.room());
        o.put("raisedAt", a.raisedAt().toString());
        o.put("deliveredAt", a.deliveredAt().map(Object::toString).orElse(null));
        o.put("acknowledgedAt", a.acknowledgedAt().map(Object::toString).orElse(null));
        o.put("acknowledgedBy", a.acknowledgedBy());
        o.put("clearedAt", a.clearedAt().map(Object::toString).orElse(null));
        return o;
    }
}
