package org.openvto.web.internal.accesscontrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.openvto.access.AccessSettings;
import org.openvto.access.LockChoice;
import org.openvto.access.UnlockMethod;
import org.openvto.backup.ConfigurationFile.Reader;
import org.openvto.web.internal.Json;

/**
 * The JSON form of Access Control: durations in whole seconds ({@code keypadLockTime} in minutes), {@code locks}
 * as {@code {"card":"lock-1",…}}, {@code doorContact} {@code NO}/{@code NC}. A field left out keeps its value.
 */
final class AccessControlJson {
    private AccessControlJson() {}

    static ObjectNode json(AccessSettings s, boolean publicPasswordSet) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("unlockRespondingInterval", s.unlockRespondingInterval().toSeconds());
        o.put("unlockPeriod", s.unlockPeriod().toSeconds());
        o.put("doorSensorEnabled", s.doorSensorEnabled());
        o.put("doorContact", s.doorContact().name());
        o.put("doorSensorCheck", s.doorSensorCheck().toSeconds());
        o.put("exitButtonEnabled", s.exitButtonEnabled());
        ObjectNode locks = o.putObject("locks");
        s.locks().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> locks.put(e.getKey().token(), e.getValue().token()));
        o.put("firstUnlockCommand", s.firstUnlockCommand());
        o.put("secondUnlockCommand", s.secondUnlockCommand());
        o.put("duressAlarm", s.duressAlarm());
        o.put("doorNotClosedAlarm", s.doorNotClosedAlarm());
        o.put("forcedOpenAlarm", s.forcedOpenAlarm());
        o.put("alarmSound", s.alarmSound().toSeconds());
        o.put("keypadLockAfter", s.keypadLockAfter());
        o.put("keypadLockTime", s.keypadLockTime().toMinutes());
        o.put("recordCap", s.recordCap());
        o.put("recordDays", s.recordDays());
        o.put("publicPasswordSet", publicPasswordSet);
        return o;
    }

    static AccessSettings read(JsonNode n, Reader r, AccessSettings c) {
        String contact = r.str(n, "doorContact", c.doorContact().name());
        AccessSettings.DoorContact doorContact = c.doorContact();
        if (contact.equals("NO") || contact.equals("NC")) {
            doorContact = AccessSettings.DoorContact.valueOf(contact);
        } else {
            r.error("doorContact", "must be NO (normally open) or NC (normally closed)");
        }
        return new AccessSettings(
                seconds(n, r, "unlockRespondingInterval", c.unlockRespondingInterval()),
                seconds(n, r, "unlockPeriod", c.unlockPeriod()),
                r.bool(n, "doorSensorEnabled", c.doorSensorEnabled()),
                doorContact,
                seconds(n, r, "doorSensorCheck", c.doorSensorCheck()),
                r.bool(n, "exitButtonEnabled", c.exitButtonEnabled()),
                locks(n.get("locks"), r, c.locks()),
                r.str(n, "firstUnlockCommand", c.firstUnlockCommand()),
                r.str(n, "secondUnlockCommand", c.secondUnlockCommand()),
                r.bool(n, "duressAlarm", c.duressAlarm()),
                r.bool(n, "doorNotClosedAlarm", c.doorNotClosedAlarm()),
                r.bool(n, "forcedOpenAlarm", c.forcedOpenAlarm()),
                seconds(n, r, "alarmSound", c.alarmSound()),
                r.integer(n, "keypadLockAfter", c.keypadLockAfter()),
                Duration.ofMinutes(
                        r.integer(n, "keypadLockTime", (int) c.keypadLockTime().toMinutes())),
                r.integer(n, "recordCap", c.recordCap()),
                r.integer(n, "recordDays", c.recordDays()));
    }

    private static Duration seconds(JsonNode n, Reader r, String field, Duration current) {
        return Duration.ofSeconds(r.integer(n, field, (int) current.toSeconds()));
    }

    private static Map<UnlockMethod, LockChoice> locks(JsonNode n, Reader r, Map<UnlockMethod, LockChoice> current) {
        Map<UnlockMethod, LockChoice> out = new EnumMap<>(current);
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            r.error("locks", "must be an object such as {\"card\":\"lock-1\"}");
            return out;
        }
        n.fieldNames().forEachRemaining(name -> {
            var method = UnlockMethod.parse(name);
            var choice = n.get(name).isTextual()
                    ? LockChoice.parse(n.get(name).asText())
                    : java.util.Optional.<LockChoice>empty();
            if (method.isEmpty()) {
                r.error(
                        "locks." + name,
                        "is not an unlock method (card, fingerprint, password, remote, dtmf, exit-button)");
            } else if (choice.isEmpty()) {
                r.error("locks." + name, "must be lock-1, lock-2 or both");
            } else {
                out.put(method.get(), choice.get());
            }
        });
        return out;
    }
}
