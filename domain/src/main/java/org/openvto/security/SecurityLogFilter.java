package org.openvto.security;

import java.time.Instant;

/**
 * Which security-log entries to show: a time range ({@code from} inclusive, {@code to} exclusive, either may be
 * {@code null} for open) and a type — an event name ({@code login/failed}) or its group ({@code login} matches
 * every {@code login/…}); empty for all.
 */
public record SecurityLogFilter(Instant from, Instant to, String type) {
    public static final SecurityLogFilter ALL = new SecurityLogFilter(null, null, "");

    public SecurityLogFilter {
        type = type == null ? "" : type.strip();
    }

    public boolean matches(SecurityLogEntry e) {
        return (from == null || !e.at().isBefore(from))
                && (to == null || e.at().isBefore(to))
                && (type.isEmpty() || e.event().equals(type) || e.event().startsWith(type + "/"));
    }
}
