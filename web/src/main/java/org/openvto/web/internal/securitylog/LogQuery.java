package org.openvto.web.internal.securitylog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openvto.security.SecurityLogFilter;
import org.openvto.validation.FieldError;
import org.openvto.validation.Violations;

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

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        try {
            if (s.endsWith("Z") || s.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
                return java.time.OffsetDateTime.parse(s).toInstant();
            }
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(s).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            v.add(field, field + " must be a date-time such as 2026-12-01T18:30 (VTO time) or 2026-12-01T17:30:00Z");
            return null;
        }
    }

    static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }
}
