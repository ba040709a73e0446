package org.openvto.web.internal.securitylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LogQueryTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void localDateTimesAreReadInTheVtosZoneAndADateRunsToTheEndOfTheDay() {
        LogQuery.Parsed q = LogQuery.parse("2026-12-01T18:30", "2026-12-02", "login", BERLIN);
        assertThat(q.errors()).isEmpty();
        assertThat(q.filter().from()).isEqualTo(Instant.parse("2026-12-01T17:30:00Z"));
        assertThat(q.filter().to()).isEqualTo(Instant.parse("2026-12-02T23:00:00Z"));
        assertThat(q.filter().type()).isEqualTo("login");
    }

    @Test
    void anInstantWithAnOffsetIsTakenAsItIs() {
        LogQuery.Parsed q = LogQuery.parse("2026-12-01T17:30:00Z", null, null, BERLIN);
        assertThat(q.filter().from()).isEqualTo(Instant.parse("2026-12-01T17:30:00Z"));
        assertThat(q.filter().to()).isNull();
    }

    @Test
    void badInputNamesEachFieldAndFiltersNothingByIt() {
        LogQuery.Parsed q = LogQuery.parse("yesterday", "2026-13-40", "login'; drop", BERLIN);
        assertThat(q.errors()).extracting(e -> e.field()).containsExactlyInAnyOrder("from", "to", "type");
        assertThat(q.filter().type()).isEmpty();
    }

    @Test
    void theRangeMustRunForwards() {
        LogQuery.Parsed q = LogQuery.parse("2026-12-02", "2026-12-01", "", BERLIN);
        assertThat(q.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void timesAreShownInTheVtosZone() {
        assertThat(LogQuery.local(Instant.parse("2026-12-01T17:30:05Z"), BERLIN))
                .isEqualTo("2026-12-01 18:30:05");
    }
}
