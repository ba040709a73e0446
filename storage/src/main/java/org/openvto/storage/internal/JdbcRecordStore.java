package org.openvto.storage.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.openvto.access.Refusal;
import org.openvto.access.UnlockMethod;
import org.openvto.records.CallRecord;
import org.openvto.records.RecordFilter;
import org.openvto.records.RecordStore;
import org.openvto.records.UnlockRecord;

/**
 * A {@link RecordStore} on one record table ({@link RecordTable}): newest first by {@code (at, id)}, each filter
 * term an exact match that an index serves together with the order: {@code (room, at, id)} whenever a room is
 * asked for, else {@code (type, result, at, id)}, {@code (type, at, id)}, {@code (result, at, id)} or
 * {@code (at, id)}. {@link #forEach}
 * reads by keyset ({@value #EXPORT_BATCH} rows per query, each on its own connection, released before the rows go
 * to the sink), so an export neither grows the heap nor holds a connection or a read transaction while a slow
 * client reads. Thread-safe.
 */
public final class JdbcRecordStore<R> implements RecordStore<R> {
    /** Rows per query of {@link #forEach}. */
    static final int EXPORT_BATCH = 1_000;

    private static final String ORDER = " ORDER BY at DESC, id DESC";
    private static final Tokens<UnlockMethod> METHODS =
            new Tokens<>("unlock method", UnlockMethod.values(), UnlockMethod::token);
    private static final Tokens<Refusal> REFUSALS = new Tokens<>("refusal", Refusal.values(), Refusal::token);
    private static final Tokens<CallRecord.Direction> DIRECTIONS =
            new Tokens<>("call direction", CallRecord.Direction.values(), CallRecord.Direction::token);
    private static final Tokens<CallRecord.Outcome> OUTCOMES =
            new Tokens<>("call outcome", CallRecord.Outcome.values(), CallRecord.Outcome::token);

    private final Jdbi jdbi;
    private final RecordTable<R> table;
    private final boolean sqlite;

    /**
     * @param sqlite steer SQLite's planner: it has no statistics (the VTO never runs {@code ANALYZE}), so it rates
     *               every {@code (column, at, id)} index alike and may scan a year's 100,000 refused records for a
     *               room's twenty. When a room is asked for, the type and result terms are written {@code +column}
     *               (SQLite's documented way to keep a term off the indexes), so the room index serves the query;
     *               PostgreSQL plans from its statistics and has no unary {@code +} on text.
     */
    JdbcRecordStore(Jdbi jdbi, RecordTable<R> table, boolean sqlite) {
        this.jdbi = jdbi;
        this.table = table;
        this.sqlite = sqlite;
    }

    /** The unlock records ({@code unlock_record}): type is the method token, result {@code granted}/{@code refused}. */
    public static JdbcRecordStore<UnlockRecord> unlocks(Jdbi jdbi, boolean sqlite) {
        return new JdbcRecordStore<>(
                jdbi,
                new RecordTable<>(
                        "unlock_record",
                        "method",
                        "result",
                        """
                        INSERT INTO unlock_record (at, method, room, result, refusal, person, person_id, credential,
                          lock_no, duress) VALUES (:at, :method, :room, :result, :refusal, :person, :personId,
                          :credential, :lock, :duress)""",
                        (u, r) -> u.bind("at", r.at().toEpochMilli())
                                .bind("method", r.method().token())
                                .bind("room", truncate(r.room(), 16))
                                .bind("result", r.result())
                                .bind(
                                        "refusal",
                                        r.refusal() == null ? null : r.refusal().token())
                                .bind("person", truncate(r.person(), 64))
                                .bind("personId", r.personId())
                                .bind("credential", truncate(r.credential(), 64))
                                .bind("lock", r.lock())
                                .bind("duress", r.duress()),
                        (rs, ctx) -> {
                            String refusal = rs.getString("refusal");
                            String method = rs.getString("method");
                            return new UnlockRecord(
                                    rs.getLong("id"),
                                    Instant.ofEpochMilli(rs.getLong("at")),
                                    METHODS.of(method),
                                    rs.getString("room"),
                                    rs.getString("person"),
                                    rs.getLong("person_id"),
                                    rs.getString("credential"),
                                    rs.getInt("lock_no"),
                                    refusal == null ? null : REFUSALS.of(refusal),
                                    rs.getBoolean("duress"));
                        },
                        UnlockRecord::at,
                        UnlockRecord::id,
                        UnlockRecord::withId,
                        "1 = 1"),
                sqlite);
    }

    /** The call records ({@code call_record}): type is the direction token, result the outcome token. */
    public static JdbcRecordStore<CallRecord> calls(Jdbi jdbi, boolean sqlite) {
        return new JdbcRecordStore<>(
                jdbi,
                new RecordTable<>(
                        "call_record",
                        "direction",
                        "outcome",
                        """
                        INSERT INTO call_record (call_id, at, ended, direction, peer, room, outcome, answered_by,
                          talk_ms, emergency, reason, snapshot) VALUES (:callId, :at, :ended, :direction, :peer, :room,
                          :outcome, :answeredBy, :talk, :emergency, :reason, :snapshot)""",
                        (u, r) -> u.bind("callId", truncate(r.callId(), 64))
                                .bind("at", r.at().toEpochMilli())
                                .bind("ended", r.ended().toEpochMilli())
                                .bind("direction", r.direction().token())
                                .bind("peer", truncate(r.peer(), 32))
                                .bind("room", truncate(r.room(), 16))
                                .bind("outcome", r.outcome().token())
                                .bind("answeredBy", truncate(r.answeredBy(), 32))
                                .bind("talk", r.talk().toMillis())
                                .bind("emergency", r.emergency())
                                .bind("reason", truncate(r.reason(), 200))
                                .bind("snapshot", r.snapshot()),
                        (rs, ctx) -> new CallRecord(
                                rs.getLong("id"),
                                rs.getString("call_id"),
                                Instant.ofEpochMilli(rs.getLong("at")),
                                Instant.ofEpochMilli(rs.getLong("ended")),
                                DIRECTIONS.of(rs.getString("direction")),
                                rs.getString("peer"),
                                rs.getString("room"),
                                OUTCOMES.of(rs.getString("outcome")),
                                rs.getString("answered_by"),
                                Duration.ofMillis(rs.getLong("talk_ms")),
                                rs.getBoolean("emergency"),
                                rs.getString("reason"),
                                rs.getBoolean("snapshot")),
                        CallRecord::at,
                        CallRecord::id,
                        CallRecord::withId,
                        "1 = 1"),
                sqlite);
    }

    /** A record waiting to be committed by {@link #append}, and what became of it. */
    private static final class Pending<R> {
        final R record;
        R stored;
        RuntimeException failure;
        boolean done;

        Pending(R record) {
            this.record = record;
        }
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Pending<R>> pending =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.locks.ReentrantLock commit = new java.util.concurrent.locks.ReentrantLock();

    /**
     * Group commit: the caller queues its record and takes the commit lock; whoever holds it commits every record
     * queued so far in one transaction (one fsync for all of them), so callers that arrive while a commit runs share
     * the next one. Each caller returns only once its own record is committed, or throws when that transaction
     * failed (then none of its records is stored).
     */
    @Override
    public R append(R record) {
        Pending<R> mine = new Pending<>(record);
        pending.add(mine);
        commit.lock();
        try {
            while (!mine.done) {
                commitQueued(); // at most 500 a transaction: older records first, then this one
            }
        } finally {
            commit.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.stored;
    }

    /** Commits up to 500 queued records in one transaction; called with the commit lock held. */
    private void commitQueued() {
        List<Pending<R>> batch = new java.util.ArrayList<>();
        for (Pending<R> p; batch.size() < 500 && (p = pending.poll()) != null; ) {
            batch.add(p);
        }
        try {
            List<R> stored = jdbi.inTransaction(h -> {
                List<R> out = new java.util.ArrayList<>(batch.size());
                for (Pending<R> p : batch) {
                    out.add(insert(h, p.record));
                }
                return out;
            });
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored = stored.get(i);
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.failure = e);
        }
        batch.forEach(p -> p.done = true);
    }

    /** Inserts inside the caller's transaction; returns the record with its id. */
    R insert(Handle h, R record) {
        var update = h.createUpdate(table.insert());
        table.bind().accept(update, record);
        long id = update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return table.withId().apply(record, id);
    }

    @Override
    public List<R> search(RecordFilter filter, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbi.withHandle(h -> bind(
                        h.createQuery("SELECT * FROM " + table.table() + where(filter, false) + ORDER
                                + " LIMIT :limit OFFSET :offset"),
                        filter)
                .bind("limit", limit)
                .bind("offset", Math.max(0, offset))
                .map(table.mapper())
                .list());
    }

    @Override
    public long count(RecordFilter filter) {
        return jdbi.withHandle(h -> bind(
                        h.createQuery("SELECT COUNT(*) FROM " + table.table() + where(filter, false)), filter)
                .mapTo(Long.class)
                .one());
    }

    @Override
    public void forEach(RecordFilter filter, Consumer<? super R> sink) {
        List<R> batch = page(filter, null);
        while (true) {
            batch.forEach(sink);
            if (batch.size() < EXPORT_BATCH) {
                return;
            }
            batch = page(filter, batch.get(batch.size() - 1));
        }
    }

    /** The next {@link #EXPORT_BATCH} records after {@code last} (from the newest when null). */
    private List<R> page(RecordFilter filter, R last) {
        return jdbi.withHandle(h -> {
            Query q = bind(
                    h.createQuery(
                            "SELECT * FROM " + table.table() + where(filter, last != null) + ORDER + " LIMIT :limit"),
                    filter,
                    last != null);
            if (last != null) {
                q.bind("afterAt", table.at().apply(last).toEpochMilli())
                        .bind("afterId", table.id().applyAsLong(last));
            }
            return q.bind("limit", EXPORT_BATCH).map(table.mapper()).list();
        });
    }

    @Override
    public int prune(Instant before, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative: " + keep);
        }
        String t = table.table();
        String prunable = " AND (" + table.prunable() + ")";
        return jdbi.inTransaction(h -> {
            int deleted = h.createUpdate("DELETE FROM " + t + " WHERE at < :before" + prunable)
                    .bind("before", before.toEpochMilli())
                    .execute();
            Optional<long[]> edge = h.createQuery("SELECT at, id FROM " + t + ORDER + " LIMIT 1 OFFSET :keep")
                    .bind("keep", keep)
                    .map((rs, ctx) -> new long[] {rs.getLong("at"), rs.getLong("id")})
                    .findOne();
            if (edge.isPresent()) {
                deleted += h.createUpdate(
                                "DELETE FROM " + t + " WHERE (at < :at OR (at = :at AND id <= :id))" + prunable)
                        .bind("at", edge.get()[0])
                        .bind("id", edge.get()[1])
                        .execute();
            }
            return deleted;
        });
    }

    /** Only fixed SQL fragments here; every value is a bound parameter ({@link #bind}). */
    private String where(RecordFilter f, boolean after) {
        List<String> terms = new ArrayList<>(6);
        // a room is the selective filter (hundreds of rooms, a handful of types and results): its index leads
        String offIndex = sqlite && !f.room().isEmpty() ? "+" : "";
        if (!f.type().isEmpty()) {
            terms.add(offIndex + table.typeColumn() + " = :type");
        }
        if (!f.room().isEmpty()) {
            terms.add("room = :room");
        }
        if (!f.result().isEmpty()) {
            terms.add(offIndex + table.resultColumn() + " = :result");
        }
        if (f.from().isPresent()) {
            terms.add("at >= :from");
        }
        if (after) {
            // (at, id) < (:afterAt, :afterId), written so that the index range on at is plain to every planner; it
            // replaces at < :to (afterAt is below it), which would leave SQLite a choice of two upper bounds and,
            // taking :to, every batch would scan again from the end of the range: quadratic
            terms.add("at <= :afterAt AND (at < :afterAt OR id < :afterId)");
        } else if (f.to().isPresent()) {
            terms.add("at < :to");
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static <S extends SqlStatement<S>> S bind(S s, RecordFilter f) {
        return bind(s, f, false);
    }

    private static <S extends SqlStatement<S>> S bind(S s, RecordFilter f, boolean after) {
        if (!f.type().isEmpty()) {
            s.bind("type", f.type());
        }
        if (!f.room().isEmpty()) {
            s.bind("room", f.room());
        }
        if (!f.result().isEmpty()) {
            s.bind("result", f.result());
        }
        f.from().ifPresent(from -> s.bind("from", from.toEpochMilli()));
        if (!after) {
            f.to().ifPresent(to -> s.bind("to", to.toEpochMilli()));
        }
        return s;
    }

    /** The enum constant of each stored token, found without building every constant's token per row. */
    static final class Tokens<E extends Enum<E>> {
        private final String what;
        private final Map<String, E> byToken;

        Tokens(String what, E[] values, Function<E, String> token) {
            this.what = what;
            this.byToken = Arrays.stream(values).collect(Collectors.toUnmodifiableMap(token, e -> e));
        }

        E of(String token) {
            E e = byToken.get(token);
            if (e == null) {
                throw unknown(what, token);
            }
            return e;
        }
    }

    static IllegalStateException unknown(String what, String token) {
        return new IllegalStateException("stored " + what + " '" + token + "' is not known to this version");
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
