package org.openvto.alarm;

import java.util.List;
import java.util.Optional;
import org.openvto.centre.OutboxMessage;
import org.openvto.records.RecordStore;

/**
 * The alarm records. {@link #raise} stores the alarm and its messages to the centre's outbox in one transaction, so
 * an alarm on record is always on its way to the centre, even across a {@code kill -9}. Searches filter by type
 * ({@link AlarmType#token}) and state as the {@code result}. Thread-safe.
 */
public interface AlarmStore extends RecordStore<Alarm> {
    /**
     * Stores a new alarm and, in the same transaction, {@code messages(alarmWithId)} in the outbox; returns the
     * stored alarm.
     */
    Alarm raise(Alarm alarm, java.util.function.Function<Alarm, List<OutboxMessage>> messages);

    /** Writes the alarm's new state (same id). */
    void update(Alarm alarm);

    Optional<Alarm> get(long id);

    /** The alarms not cleared, newest first. */
    List<Alarm> active();
}
