package org.openvto.access;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openvto.validation.Result;

/**
 * When a person's credentials open the door: time ranges per weekday, and holidays on which they do not. Written
 * as text, {@code mon-fri 07:00-19:00, 21:00-22:00; sat 09:00-13:00; holidays 2026-12-25 2026-12-26}; an empty
 * schedule is {@link #ALWAYS}. A range runs from its start inclusive to its end exclusive, {@code 24:00} being
 * the end of the day; a day not named is closed. Immutable.
 */
public record WeeklySchedule(Map<DayOfWeek, List<TimeRange>> days, Set<LocalDate> holidays, boolean always) {
    public static final WeeklySchedule ALWAYS = new WeeklySchedule(Map.of(), Set.of(), true);

    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** {@code [from, to)}; {@code to} is {@code null} for 24:00. */
    public record TimeRange(LocalTime from, LocalTime to) {
        boolean contains(LocalTime t) {
            return !t.isBefore(from) && (to == null || t.isBefore(to));
        }

        @Override
        public String toString() {
            return from + "-" + (to == null ? "24:00" : to.toString());
        }
    }

    public WeeklySchedule {
        Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((d, r) -> copy.put(d, List.copyOf(r)));
        days = Map.copyOf(copy);
        holidays = Set.copyOf(holidays);
    }

    /** Whether the schedule opens at {@code t} (in the VTO's zone). */
    public boolean allows(ZonedDateTime t) {
        if (always) {
            return true;
        }
        if (holidays.contains(t.toLocalDate())) {
            return false;
        }
        return days.getOrDefault(t.getDayOfWeek(), List.of()).stream().anyMatch(r -> r.contains(t.toLocalTime()));
    }

    /** Reads the text form; a mistake is reported with the part that is wrong, field {@code schedule}. */
    public static Result<WeeklySchedule> parse(String text) {
        if (text == null || text.isBlank()) {
            return Result.applied(ALWAYS);
        }
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        Set<LocalDate> holidays = new TreeSet<>();
        for (String part : text.strip().toLowerCase(Locale.ROOT).split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String error = p.startsWith("holidays") ? holidays(p.substring(8), holidays) : dayRanges(p, days);
            if (error != null) {
                return Result.rejected(
                        "schedule", error + " (e.g. mon-fri 07:00-19:00; sat 09:00-13:00; holidays 2026-12-25)");
            }
        }
        return Result.applied(new WeeklySchedule(days, holidays, false));
    }

    private static String holidays(String list, Set<LocalDate> into) {
        for (String d : list.strip().split("[ ,]+")) {
            if (d.isEmpty()) {
                continue;
            }
            try {
                into.add(LocalDate.parse(d));
            } catch (DateTimeParseException e) {
                return "'" + d + "' is not a date like 2026-12-25";
            }
        }
        return null;
    }

    private static String dayRanges(String p, Map<DayOfWeek, List<TimeRange>> into) {
        int space = p.indexOf(' ');
        if (space < 0) {
            return "'" + p + "' names days but no times";
        }
        List<DayOfWeek> daysOf = daySpan(p.substring(0, space));
        if (daysOf.isEmpty()) {
            return "'" + p.substring(0, space) + "' is not a day or a span of days like mon-fri";
        }
        List<TimeRange> ranges = new ArrayList<>();
        for (String r : p.substring(space + 1).split(",")) {
            TimeRange range = range(r.strip());
            if (range == null) {
                return "'" + r.strip() + "' is not a time range like 07:00-19:00 (start before end)";
            }
            ranges.add(range);
        }
        daysOf.forEach(d -> into.computeIfAbsent(d, k -> new ArrayList<>()).addAll(ranges));
        return null;
    }

    private static List<DayOfWeek> daySpan(String span) {
        String[] ends = span.split("-");
        int from = DAY_NAMES.indexOf(ends[0]);
        int to = ends.length == 2 ? DAY_NAMES.indexOf(ends[1]) : from;
        if (ends.length > 2 || from < 0 || to < from) {
            return List.of();
        }
        List<DayOfWeek> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(DayOfWeek.of(i + 1));
        }
        return out;
    }

    private static TimeRange range(String r) {
        String[] ends = r.split("-");
        if (ends.length != 2) {
            return null;
        }
        try {
            LocalTime from = LocalTime.parse(ends[0].strip());
            LocalTime to = ends[1].strip().equals("24:00") ? null : LocalTime.parse(ends[1].strip());
            return to == null || from.isBefore(to) ? new TimeRange(from, to) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The text form {@link #parse} reads. */
    @Override
    public String toString() {
        if (always) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        days.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(DAY_NAMES.get(e.getKey().getValue() - 1) + " "
                        + String.join(
                                ", ",
                                e.getValue().stream().map(TimeRange::toString).toList())));
        if (!holidays.isEmpty()) {
            parts.add("holidays "
                    + String.join(
                            " ",
                            new TreeSet<>(holidays)
                                    .stream().map(LocalDate::toString).toList()));
        }
        return String.join("; ", parts);
    }
}
