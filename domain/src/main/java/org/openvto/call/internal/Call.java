package org.openvto.call.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.openvto.call.CallState;
import org.openvto.call.CallTargets;
import org.openvto.records.CallRecord;

/**
 * One call of the VTO while it is active: its state and times, changed only on the calls thread; its snapshot and
 * blocking work (record, unlock) go through its own {@code lane}, in order, off that thread.
 */
final class Call {
    /** What was called: a room, another VTO, the centre; {@code null} for an incoming call. */
    enum Target {
        ROOM,
        VTO,
        CENTRE;

        static Target of(CallTargets.Kind kind) {
            return kind == CallTargets.Kind.ROOM ? ROOM : VTO;
        }
    }

    final String id;
    final CallRecord.Direction direction;
    final String peer;
    final Target target;
    final String room;
    final boolean emergency;
    final Instant startedAt;
    final SerialExecutor lane;
    CallState state;
    /** The device ringing (the last that rang) or, once TALKING, the one that answered or monitors. */
    String device = "";

    Instant answeredAt;
    /** When the current timer (ring timeout, talk or monitor time) ends the call, and how long it was set for. */
    Instant deadline;

    Duration limit;
    ScheduledFuture<?> timer;
    ScheduledFuture<?> ticks;
    /** Seconds since the ring tone was last played. */
    int sinceRingback;
    /** Taken on the lane, read on the lane when the record is written. */
    volatile Optional<byte[]> snapshot = Optional.empty();

    Call(
            String id,
            CallRecord.Direction direction,
            String peer,
            Target target,
            String room,
            boolean emergency,
            Instant startedAt,
            SerialExecutor lane) {
        this.id = id;
        this.direction = direction;
        this.peer = peer;
        this.target = target;
        this.room = room;
        this.emergency = emergency;
        this.startedAt = startedAt;
        this.lane = lane;
    }

    boolean outgoing() {
        return direction == CallRecord.Direction.OUTGOING;
    }

    boolean answered() {
        return answeredAt != null;
    }

    Duration talk(Instant now) {
        return answered() ? Duration.between(answeredAt, now) : Duration.ZERO;
    }

    /** Whole seconds until the deadline, rounded up (29.2 s left shows 30). */
    long secondsLeft(Instant now) {
        if (deadline == null || !now.isBefore(deadline)) {
            return 0;
        }
        long ms = Duration.between(now, deadline).toMillis();
        return (ms + 999) / 1000;
    }

    /** How the display names the other end. */
    String who() {
        if (target == null) {
            return room.isEmpty() ? peer : "room " + room;
        }
        return switch (target) {
            case ROOM -> "room " + peer;
            case VTO -> "VTO " + peer;
            case CENTRE -> "the centre";
        };
    }

    void cancelTimers() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }
}
