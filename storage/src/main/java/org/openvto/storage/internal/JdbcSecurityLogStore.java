package org.openvto.storage.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.openvto.security.SecurityLogEntry;
import org.openvto.security.SecurityLogStore;

/** {@link SecurityLogStore} on the {@code security_log} table. */
public final class JdbcSecurityLogStore implements SecurityLogStore {
    private final Jdbi jdbi;

    public JdbcSecurityLogStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void append(SecurityLogEntry e) {
        jdbi.useHandle(h -> h.createUpdate(
                "INSERT INTO security_log (at, event, username, source, detail) VALUES (:at, :ev, :u, :s, :d)")
                .bind("at", e.at().toEpochMilli()).bind("ev", e.event()).bind("u", truncate(e.username(), 64))
                .bind("s", truncate(e.source(), 64)).bind("d", truncate(e.detail(), 500)).execute());
    }

    @Override
    public List<SecurityLogEntry> newest(int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT * FROM security_log ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new SecurityLogEntry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("event"), rs.getString("username"), rs.getString("source"), rs.getString("detail")))
                .list());
    }

    @Override
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM security_log").mapTo(Long.class).one());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
