package org.openvto.web.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openvto.validation.Violations;

/**
 * Times in the query strings of the log and record searches: an ISO instant ({@code 2026-12-01T23:00:00Z}), a
 * local date-time ({@code 2026-12-01T23:00}, the console's date-time inputs) or a date, read in the VTO's time
 * zone; a date as the end of a range means the end of that day. Shown back as {@code yyyy-MM-dd HH:mm:ss}.
 */
public final class TimeQuery {
    public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TimeQuery() {}

    /** The instant {@code raw} names, {@code null} when blank; a bad value is a violation of {@code field}. */
    public static Instant instant(Violations v, String field, String raw, ZoneId zone, boolean endOfDay) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        try {
            if (s.endsWith("Z") || s.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
                return OffsetDateTime.parse(s).toInstant();
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

    public static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }

    /** {@code Europe/Berlin (UTC+01:00)}: how the pages name the zone their times are in. */
    public static String zoneText(ZoneId zone, Instant now) {
        return zone.getId() + " (UTC" + zone.getRules().getOffset(now) + ")";
    }
}
