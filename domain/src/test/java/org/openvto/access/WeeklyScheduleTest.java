package org.openvto.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.openvto.validation.Result;

class WeeklyScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static WeeklySchedule parse(String text) {
        return ((Result.Applied<WeeklySchedule>) WeeklySchedule.parse(text)).value();
    }

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(BERLIN);
    }

    @Test
    void rangesOpenFromTheirStartToJustBeforeTheirEndOnTheNamedDaysOnly() {
        WeeklySchedule s = parse("mon-fri 07:00-19:00, 21:00-22:00; sat 09:00-13:00");
        assertThat(s.allows(at("2026-12-02T07:00"))).isTrue(); // a Wednesday
        assertThat(s.allows(at("2026-12-02T06:59"))).isFalse();
        assertThat(s.allows(at("2026-12-02T19:00"))).isFalse();
        assertThat(s.allows(at("2026-12-02T21:30"))).isTrue();
        assertThat(s.allows(at("2026-12-05T12:59"))).isTrue(); // Saturday
        assertThat(s.allows(at("2026-12-06T12:00"))).isFalse(); // Sunday: not named, closed
    }

    @Test
    void holidaysCloseTheWholeDayAndMidnightEndsWith2400() {
        WeeklySchedule s = parse("mon-sun 00:00-24:00; holidays 2026-12-25, 2026-12-26");
        assertThat(s.allows(at("2026-12-24T23:59:59"))).isTrue();
        assertThat(s.allows(at("2026-12-25T12:00"))).isFalse();
        assertThat(s.toString())
                .isEqualTo("mon 00:00-24:00; tue 00:00-24:00; wed 00:00-24:00; thu 00:00-24:00; fri 00:00-24:00; "
                        + "sat 00:00-24:00; sun 00:00-24:00; holidays 2026-12-25 2026-12-26");
        assertThat(parse(s.toString())).isEqualTo(s);
    }

    @Test
    void anEmptyScheduleAlwaysOpens() {
        assertThat(parse("  ")).isEqualTo(WeeklySchedule.ALWAYS);
        assertThat(WeeklySchedule.ALWAYS.allows(at("2026-12-25T03:00"))).isTrue();
    }

    @Test
    void mistakesNameThePartThatIsWrong() {
        for (String bad : new String[] {
            "mon",
            "funday 07:00-19:00",
            "fri-mon 07:00-08:00",
            "mon 19:00-07:00",
            "mon 7-19",
            "holidays 2026-13-01",
            "mon-tue-wed 07:00-08:00"
        }) {
            assertThat(WeeklySchedule.parse(bad)).as(bad).isInstanceOf(Result.Rejected.class);
            Result.Rejected<WeeklySchedule> r = (Result.Rejected<WeeklySchedule>) WeeklySchedule.parse(bad);
            assertThat(r.errors().get(0).field()).as(bad).isEqualTo("schedule");
        }
    }
}
