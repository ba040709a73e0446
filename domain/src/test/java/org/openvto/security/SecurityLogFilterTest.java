package org.openvto.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityLogFilterTest {
    private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");

    private static SecurityLogEntry entry(String event, Instant at) {
        return new SecurityLogEntry(1, at, event, "admin", "10.0.0.1", "");
    }

    @Test
    void aGroupMatchesItsEventsButNotOthersThatShareThePrefix() {
        SecurityLogFilter login = new SecurityLogFilter(null, null, "login");
        assertThat(login.matches(entry("login/failed", T))).isTrue();
        assertThat(login.matches(entry("login", T))).isTrue();
        assertThat(login.matches(entry("logout", T))).isFalse();
        assertThat(new SecurityLogFilter(null, null, "login/failed").matches(entry("login/succeeded", T)))
                .isFalse();
    }

    @Test
    void theRangeIncludesItsStartAndExcludesItsEnd() {
        SecurityLogFilter range = new SecurityLogFilter(T, T.plusSeconds(60), "");
        assertThat(range.matches(entry("x", T))).isTrue();
        assertThat(range.matches(entry("x", T.minusMillis(1)))).isFalse();
        assertThat(range.matches(entry("x", T.plusSeconds(60)))).isFalse();
        assertThat(SecurityLogFilter.ALL.matches(entry("x", T))).isTrue();
    }
}
