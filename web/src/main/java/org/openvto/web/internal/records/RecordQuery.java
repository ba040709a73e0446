package org.openvto.web.internal.records;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.openvto.records.RecordFilter;
import org.openvto.validation.FieldError;
import org.openvto.validation.Violations;
import org.openvto.web.internal.TimeQuery;

/** Reads a record search's filter from the query string, naming each bad parameter. */
public final class RecordQuery {
    private RecordQuery() {}

    public record Parsed(RecordFilter filter, List<FieldError> errors) {}

    public static Parsed parse(
            RecordKind<?> kind, String from, String to, String type, String room, String result, ZoneId zone) {
        Violations v = new Violations();
        Instant f = TimeQuery.instant(v, "from", from, zone, false);
        Instant t = TimeQuery.instant(v, "to", to, zone, true);
        if (f != null && t != null) {
            v.check(f.isBefore(t), "to", "to must be later than from");
        }
        String ty = blank(type);
        v.check(
                ty.isEmpty() || kind.types().contains(ty),
                "type",
                "type must be one of " + String.join(", ", kind.types()));
        String rs = blank(result);
        v.check(
                rs.isEmpty() || kind.results().contains(rs),
                "result",
                "result must be one of " + String.join(", ", kind.results()));
        String rm = blank(room);
        v.check(rm.matches("[A-Za-z0-9]{0,6}"), "room", "room must be a room number of 1 to 6 letters or digits");
        if (!v.isEmpty()) {
            return new Parsed(RecordFilter.ALL, v.list());
        }
        return new Parsed(new RecordFilter(Optional.ofNullable(f), Optional.ofNullable(t), ty, rm, rs), List.of());
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
