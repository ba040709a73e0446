package org.openvto.storage.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.openvto.sip.registrar.Binding;
import org.openvto.sip.registrar.BindingStore;

/** {@link BindingStore} on the {@code sip_binding} table; each replace is one transaction. */
public final class JdbcBindingStore implements BindingStore {
    private final Jdbi jdbi;

    public JdbcBindingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Binding> loadAll() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sip_binding")
                .map((rs, ctx) -> new Binding(
                        rs.getString("user_name"),
                        rs.getString("contact"),
                        rs.getString("source"),
                        rs.getString("transport"),
                        rs.getString("user_agent"),
                        rs.getString("call_id"),
                        rs.getLong("cseq"),
                        Instant.ofEpochMilli(rs.getLong("expires_at")),
                        rs.getString("register_id")))
                .list());
    }

    @Override
    public void replace(String user, List<Binding> bindings) {
        replaceAll(java.util.Map.of(user, bindings));
    }

    /** One transaction with two JDBC batches (all deletes, then all inserts), however many users changed. */
    @Override
    public void replaceAll(java.util.Map<String, List<Binding>> byUser) {
        if (byUser.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            var delete = h.prepareBatch("DELETE FROM sip_binding WHERE user_name = :u");
            byUser.keySet().forEach(user -> delete.bind("u", user).add());
            delete.execute();
            var insert = h.prepareBatch("INSERT INTO sip_binding (user_name, contact, source, transport, user_agent,"
                    + " call_id, cseq, expires_at, register_id) VALUES (:u, :c, :s, :t, :ua, :cid, :cseq, :exp, :rid)");
            int rows = 0;
            for (var entry : byUser.entrySet()) {
                for (Binding b : entry.getValue()) {
                    insert.bind("u", entry.getKey())
                            .bind("c", trim(b.contact(), 512))
                            .bind("s", b.source())
                            .bind("t", b.transport())
                            .bind("ua", trim(b.userAgent(), 128))
                            .bind("cid", trim(b.callId(), 256))
                            .bind("cseq", b.cseq())
                            .bind("exp", b.expiresAt().toEpochMilli())
                            .bind("rid", trim(b.registerId(), 256))
                            .add();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.execute();
            }
        });
    }

    private static String trim(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
