package org.openvto.storage.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.openvto.alarm.Alarm;
import org.openvto.alarm.AlarmState;
import org.openvto.alarm.AlarmStore;
import org.openvto.alarm.AlarmType;
import org.openvto.centre.OutboxMessage;
import org.openvto.records.RecordFilter;

/**
 * {@link AlarmStore} on the {@code alarm} table; {@link #raise} also writes the outbox ({@link JdbcOutboxStore})
 * in the same transaction. Searches: type is the {@link AlarmType} token, result the {@link AlarmState} token.
 * Retention ({@link #prune}) deletes only cleared alarms: an alarm still on the active list stays, however old.
 */
public final class JdbcAlarmStore implements AlarmStore {
    private static final String COLUMNS = "at, alarm_type, state, room, detail, delivered_at, acknowledged_at,"
            + " acknowledged_by, cleared_at, condition_ended";
    private static final String ACTIVE = Arrays.stream(AlarmState.values())
            .filter(AlarmState::active)
            .map(s -> "'" + s.token() + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    private static final JdbcRecordStore.Tokens<AlarmType> TYPES =
            new JdbcRecordStore.Tokens<>("alarm type", AlarmType.values(), AlarmType::token);
    private static final JdbcRecordStore.Tokens<AlarmState> STATES =
            new JdbcRecordStore.Tokens<>("alarm state", AlarmState.values(), AlarmState::token);
    private static final RowMapper<Alarm> MAPPER = (rs, ctx) -> {
        return new Alarm(
                rs.getLong("id"),
                TYPES.of(rs.getString("alarm_type")),
                STATES.of(rs.getString("state")),
                rs.getString("detail"),
                rs.getString("room"),
                Instant.ofEpochMilli(rs.getLong("at")),
                instant(rs, "delivered_at"),
                instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"),
                instant(rs, "cleared_at"),
                rs.getBoolean("condition_ended"));
    };

    private final Jdbi jdbi;
    private final JdbcRecordStore<Alarm> records;

    /** @param sqlite the database is SQLite (see {@link JdbcRecordStore}) */
    public JdbcAlarmStore(Jdbi jdbi, boolean sqlite) {
        this.jdbi = jdbi;
        this.records = new JdbcRecordStore<>(
                jdbi,
                new RecordTable<>(
                        "alarm",
                        "alarm_type",
                        "state",
                        "INSERT INTO alarm (" + COLUMNS + ") VALUES (:at, :type, :state, :room, :detail, :delivered,"
                                + " :acknowledged, :acknowledgedBy, :cleared, :conditionEnded)",
                        JdbcAlarmStore::bind,
                        MAPPER,
                        Alarm::raisedAt,
                        Alarm::id,
                        JdbcAlarmStore::withId,
                        "state = '" + AlarmState.CLEARED.token() + "'"),
                sqlite);
    }

    @Override
    public Alarm raise(Alarm alarm, Function<Alarm, List<OutboxMessage>> messages) {
        return jdbi.inTransaction(h -> {
            Alarm stored = records.insert(h, alarm);
            JdbcOutboxStore.enqueue(h, messages.apply(stored));
            return stored;
        });
    }

    /** Writes every field but the id; an alarm that is not stored is an {@link IllegalArgumentException}. */
    @Override
    public void update(Alarm alarm) {
        int rows = jdbi.withHandle(h -> bind(
                        h.createUpdate("UPDATE alarm SET at = :at, alarm_type = :type, state = :state, room = :room,"
                                + " detail = :detail, delivered_at = :delivered, acknowledged_at = :acknowledged,"
                                + " acknowledged_by = :acknowledgedBy, cleared_at = :cleared,"
                                + " condition_ended = :conditionEnded WHERE id = :id"),
                        alarm)
                .bind("id", alarm.id())
                .execute());
        if (rows != 1) {
            throw new IllegalArgumentException("no alarm " + alarm.id());
        }
    }

    @Override
    public Optional<Alarm> get(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM alarm WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public List<Alarm> active() {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM alarm WHERE state IN " + ACTIVE + " ORDER BY at DESC, id DESC")
                        .map(MAPPER)
                        .list());
    }

    /** An alarm on its own, with no message to the centre. */
    @Override
    public Alarm append(Alarm record) {
        return records.append(record);
    }

    @Override
    public List<Alarm> search(RecordFilter filter, int offset, int limit) {
        return records.search(filter, offset, limit);
    }

    @Override
    public long count(RecordFilter filter) {
        return records.count(filter);
    }

    @Override
    public void forEach(RecordFilter filter, Consumer<? super Alarm> sink) {
        records.forEach(filter, sink);
    }

    @Override
    public int prune(Instant before, int keep) {
        return records.prune(before, keep);
    }

    private static <S extends SqlStatement<S>> S bind(S s, Alarm a) {
        return s.bind("at", a.raisedAt().toEpochMilli())
                .bind("type", a.type().token())
                .bind("state", a.state().token())
                .bind("room", JdbcRecordStore.truncate(a.room(), 16))
                .bind("detail", JdbcRecordStore.truncate(a.detail(), 500))
                .bind("delivered", millis(a.deliveredAt()))
                .bind("acknowledged", millis(a.acknowledgedAt()))
                .bind("acknowledgedBy", JdbcRecordStore.truncate(a.acknowledgedBy(), 64))
                .bind("cleared", millis(a.clearedAt()))
                .bind("conditionEnded", a.conditionEnded());
    }

    private static Alarm withId(Alarm a, long id) {
        return new Alarm(
                id,
                a.type(),
                a.state(),
                a.detail(),
                a.room(),
                a.raisedAt(),
                a.deliveredAt(),
                a.acknowledgedAt(),
                a.acknowledgedBy(),
                a.clearedAt(),
                a.conditionEnded());
    }

    private static Long millis(Optional<Instant> t) {
        return t.map(Instant::toEpochMilli).orElse(null);
    }

    private static Optional<Instant> instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
