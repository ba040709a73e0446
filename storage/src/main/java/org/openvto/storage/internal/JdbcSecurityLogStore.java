package org.openvto.storage.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.openvto.security.SecurityLogEntry;
import org.openvto.security.SecurityLogFilter;
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
                .bind("at", e.at().toEpochMilli())
                .bind("ev", e.event())
                .bind("u", truncate(e.username(), 64))
                .bind("s", truncate(e.source(), 64))
                .bind("d", truncate(e.detail(), 500))
                .execute());
    }

    @Override
    public List<SecurityLogEntry> newest(int offset, int limit) {
        return newest(SecurityLogFilter.ALL, offset, limit);
    }

    @Override
    public long count() {
        return count(SecurityLogFilter.ALL);
    }

    @Override
    public List<SecurityLogEntry> newest(SecurityLogFilter f, int offset, int limit) {
        return jdbi.withHandle(h -> bind(
                        h.createQuery("SELECT * FROM security_log" + where(f)
                                + " ORDER BY id DESC LIMIT :limit OFFSET :offset"),
                        f)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new SecurityLogEntry(
                        rs.getLong("id"),
                        Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("event"),
                        rs.getString("username"),
                        rs.getString("source"),
                        rs.getString("detail")))
                .list());
    }

    @Override
    public long count(SecurityLogFilter f) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT COUNT(*) FROM security_log" + where(f)), f)
                .mapTo(Long.class)
                .one());
    }

    /** Only fixed SQL fragments here; every value is a bound parameter. */
    private static String where(SecurityLogFilter f) {
        List<String> terms = new java.util.ArrayList<>();
        if (f.from() != null) {
            terms.add("at >= :from");
        }
        if (f.to() != null) {
            terms.add("at < :to");
        }
        if (!f.type().isEmpty()) {
            terms.add("(event = :type OR event LIKE :typePrefix ESCAPE '!')");
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static Query bind(Query q, SecurityLogFilter f) {
        if (f.from() != null) {
            q.bind("from", f.from().toEpochMilli());
        }
        if (f.to() != null) {
            q.bind("to", f.to().toEpochMilli());
        }
        if (!f.type().isEmpty()) {
            q.bind("type", f.type())
                    .bind(
                            "typePrefix",
                            f.type().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%");
        }
        return q;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
