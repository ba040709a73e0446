package org.openvto.storage.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.openvto.centre.OutboxMessage;
import org.openvto.centre.OutboxStore;

/**
 * {@link OutboxStore} on the {@code outbox} table. The undelivered messages are found through partial indexes
 * ({@code WHERE delivered_at IS NULL}), which stay as small as the backlog however many delivered messages are
 * kept. {@link #enqueue(Handle, List)} writes inside a caller's transaction (an alarm and its messages).
 */
public final class JdbcOutboxStore implements OutboxStore {
    private static final String INSERT = """
            INSERT INTO outbox (destination, message_key, topic, body, created_at, attempts, next_attempt, last_error,
              delivered_at) VALUES (:destination, :key, :topic, :body, :created, :attempts, :next, :error, :delivered)""";
    private static final RowMapper<OutboxMessage> MAPPER = (rs, ctx) -> {
        long delivered = rs.getLong("delivered_at");
        Optional<Instant> deliveredAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(delivered));
        return new OutboxMessage(
                rs.getLong("id"),
                rs.getString("destination"),
                rs.getString("message_key"),
                rs.getString("topic"),
                rs.getString("body"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("next_attempt")),
                rs.getString("last_error"),
                deliveredAt);
    };

    private final Jdbi jdbi;

    public JdbcOutboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void enqueue(List<OutboxMessage> messages) {
        if (!messages.isEmpty()) {
            jdbi.useTransaction(h -> enqueue(h, messages));
        }
    }

    /** Inserts in list order (ids increase with it) inside the caller's transaction. */
    static void enqueue(Handle h, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch(INSERT);
        for (OutboxMessage m : messages) {
            batch.bind("destination", m.destination())
                    .bind("key", m.key())
                    .bind("topic", m.topic())
                    .bind("body", m.body())
                    .bind("created", m.createdAt().toEpochMilli())
                    .bind("attempts", m.attempts())
                    .bind("next", m.nextAttempt().toEpochMilli())
                    .bind("error", JdbcRecordStore.truncate(m.lastError(), 500))
                    .bind(
                            "delivered",
                            m.deliveredAt().map(Instant::toEpochMilli).orElse(null))
                    .add();
        }
        batch.execute();
    }

    @Override
    public Optional<OutboxMessage> head(String destination) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM outbox WHERE destination = :d AND delivered_at IS NULL" + " ORDER BY id LIMIT 1")
                .bind("d", destination)
                .map(MAPPER)
                .findOne());
    }

    /** Marks a message delivered; a second call keeps the first time. */
    @Override
    public void delivered(long id, Instant at) {
        jdbi.useHandle(
                h -> h.createUpdate("UPDATE outbox SET delivered_at = :at WHERE id = :id AND delivered_at IS NULL")
                        .bind("id", id)
                        .bind("at", at.toEpochMilli())
                        .execute());
    }

    @Override
    public void failed(long id, int attempts, Instant nextAttempt, String error) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE outbox SET attempts = :a, next_attempt = :n, last_error = :e WHERE id = :id")
                .bind("id", id)
                .bind("a", attempts)
                .bind("n", nextAttempt.toEpochMilli())
                .bind("e", JdbcRecordStore.truncate(error == null ? "" : error, 500))
                .execute());
    }

    @Override
    public long pending(String destination) {
        String d = destination == null ? "" : destination;
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL"
                    + (d.isEmpty() ? "" : " AND destination = :d"));
            if (!d.isEmpty()) {
                q.bind("d", d);
            }
            return q.mapTo(Long.class).one();
        });
    }

    @Override
    public boolean undelivered(String key) {
        return jdbi.withHandle(h -> h.createQuery(
                                "SELECT COUNT(*) FROM outbox WHERE message_key = :k AND delivered_at IS NULL")
                        .bind("k", key)
                        .mapTo(Long.class)
                        .one())
                > 0;
    }

    @Override
    public List<String> destinationsPending() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT DISTINCT destination FROM outbox WHERE delivered_at IS NULL ORDER BY destination")
                .mapTo(String.class)
                .list());
    }

    @Override
    public int pruneDelivered(Instant before) {
        return jdbi.withHandle(
                h -> h.createUpdate("DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < :before")
                        .bind("before", before.toEpochMilli())
                        .execute());
    }
}
