package org.openvto.web.internal.securitylog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.openvto.security.SecurityLogFilter;
import org.openvto.validation.FieldError;
import org.openvto.validation.Violations;
import org.openvto.web.internal.TimeQuery;

/**
 * Reads the security log's filter from a query string: {@code from} / {@code to} as an ISO instant
 * ({@code 2026-12-01T23:00:00Z}), a local date-time ({@code 2026-12-01T23:00}, the console's date-time inputs) or a
 * date, read in the VTO's time zone; {@code type} an event or its group ({@code login}, {@code config/changed}).
 */
final class LogQuery {
    /** The types the console offers; the API accepts any event name or group. */
    static final List<String> TYPES = List.of(
            "login",
            "login/failed",
            "login/succeeded",
            "login/locked",
            "logout",
            "config",
            "system",
            "password",
            "device",
            "sip");

    private LogQuery() {}

    record Parsed(SecurityLogFilter filter, List<FieldError> errors) {}

    static Parsed parse(String from, String to, String type, ZoneId zone) {
        Violations v = new Violations();
        Instant f = instant(v, "from", from, zone, false);
        Instant t = instant(v, "to", to, zone, true);
        String ty = type == null ? "" : type.strip();
        v.check(
                ty.matches("[a-z0-9/-]{0,40}"),
                "type",
                "type must be an event name such as login/failed or a group such as login");
        if (f != null && t != null) {
            v.check(f.isBefore(t), "to", "to must be later than from");
        }
        return new Parsed(new SecurityLogFilter(f, t, v.has("type") ? "" : ty), v.list());
    }

    private static Instant instant(Violations v, String field, String raw, ZoneId zone, boolean endOfDay) {
        return TimeQuery.instant(v, field, raw, zone, endOfDay);
    }

    static String local(Instant at, ZoneId zone) {
        return TimeQuery.local(at, zone);
    }
}
