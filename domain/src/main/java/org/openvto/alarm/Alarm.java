package org.openvto.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One alarm and its record (Quick Start Guide 1.2 "alarm records"). Immutable: each transition returns a new
 * value.
 *
 * @param id             the store's id; 0 before it is stored
 * @param detail         what happened, for the operator ("tamper switch released", "PIN of Anna Muster, room 101")
 * @param room           the room concerned, empty when none
 * @param conditionEnded the condition is over (tamper switch back, door closed); always true for momentary alarms
 * @param acknowledgedBy the operator's user name, empty until acknowledged
 */
public record Alarm(
        long id,
        AlarmType type,
        AlarmState state,
        String detail,
        String room,
        Instant raisedAt,
        Optional<Instant> deliveredAt,
        Optional<Instant> acknowledgedAt,
        String acknowledgedBy,
        Optional<Instant> clearedAt,
        boolean conditionEnded) {
    public Alarm {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raisedAt, "raisedAt");
        detail = detail == null ? "" : detail;
        room = room == null ? "" : room;
        acknowledgedBy = acknowledgedBy == null ? "" : acknowledgedBy;
    }

    public static Alarm raised(AlarmType type, String detail, String room, Instant at) {
        return new Alarm(
                0,
                type,
                AlarmState.RAISED,
                detail,
                room,
                at,
                Optional.empty(),
                Optional.empty(),
                "",
                Optional.empty(),
                type.momentary());
    }

    /** The idempotency key the centre sees for this alarm: the same on every retry and after a restart. */
    public String key() {
        return "vto-alarm-" + id;
    }

    Alarm withId(long newId) {
        return new Alarm(
                newId,
                type,
                state,
                detail,
                room,
                raisedAt,
                deliveredAt,
                acknowledgedAt,
                acknowledgedBy,
                clearedAt,
                conditionEnded);
    }

    /** Every destination has it (§ state machine: RAISED → DELIVERED; later states keep theirs). */
    Alarm delivered(Instant at) {
        AlarmState next = state == AlarmState.RAISED ? AlarmState.DELIVERED : state;
        return new Alarm(
                id,
                type,
                next,
                detail,
                room,
                raisedAt,
                Optional.of(at),
                acknowledgedAt,
                acknowledgedBy,
                clearedAt,
                conditionEnded);
    }

    /** An operator acknowledged it: RAISED|DELIVERED → ACKNOWLEDGED, then CLEARED at once if its condition ended. */
    Alarm acknowledged(String by, Instant at) {
        Alarm acked = new Alarm(
                id,
                type,
                AlarmState.ACKNOWLEDGED,
                detail,
                room,
                raisedAt,
                deliveredAt,
                Optional.of(at),
                by,
                clearedAt,
                conditionEnded);
        return conditionEnded ? acked.cleared(at) : acked;
    }

    /** The condition ended: an acknowledged alarm is CLEARED, an unacknowledged one waits for its operator. */
    Alarm conditionEnded(Instant at) {
        Alarm ended = new Alarm(
                id, type, state, detail, room, raisedAt, deliveredAt, acknowledgedAt, acknowledgedBy, clearedAt, true);
        return state == AlarmState.ACKNOWLEDGED ? ended.cleared(at) : ended;
    }

    private Alarm cleared(Instant at) {
        return new Alarm(
                id,
                type,
                AlarmState.CLEARED,
                detail,
                room,
                raisedAt,
                deliveredAt,
                acknowledgedAt,
                acknowledgedBy,
                Optional.of(at),
                true);
    }
}
