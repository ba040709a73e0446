package org.openvto.storage.internal;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openvto.records.CallSnapshots;

/**
 * {@link CallSnapshots} in {@code call_snapshot}: one JPEG per call record, deleted with the record by the foreign
 * key's {@code ON DELETE CASCADE} (retention needs no second pass). The upsert is the same SQL on SQLite and
 * PostgreSQL. Thread-safe; each call is one statement in its own transaction, durable when it returns.
 */
public final class JdbcCallSnapshots implements CallSnapshots {
    private final Jdbi jdbi;

    public JdbcCallSnapshots(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void put(long recordId, byte[] jpeg) {
        jdbi.useHandle(
                h -> h.createUpdate("""
                        INSERT INTO call_snapshot (record_id, jpeg) VALUES (:id, :jpeg)
                        ON CONFLICT (record_id) DO UPDATE SET jpeg = excluded.jpeg""").bind("id", recordId).bind("jpeg", jpeg).execute());
    }

    @Override
    public Optional<byte[]> get(long recordId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT jpeg FROM call_snapshot WHERE record_id = :id")
                .bind("id", recordId)
                .mapTo(byte[].class)
                .findOne());
    }
}
