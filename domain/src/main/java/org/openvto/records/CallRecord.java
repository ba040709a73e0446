package org.openvto.records;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One call of the VTO (Quick Start Guide 1.2 "call records"), written once when the call ends by the calls feature.
 * The caller and the callee follow from {@code direction} and {@code peer}: an outgoing call is this VTO calling
 * {@code peer}, an incoming one {@code peer} calling this VTO.
 *
 * @param id         the store's id; 0 before it is stored
 * @param callId     the call's id, as in its {@code call/<callId>/…} events; empty for records from before it was kept
 * @param at         when the call started (dialled, or the incoming call arrived)
 * @param ended      when it ended
 * @param direction  {@link Direction#OUTGOING} for a visitor calling a room, a VTO or the centre, {@link
 *                   Direction#INCOMING} for a monitor session from an indoor monitor
 * @param peer       the number called or calling ({@code 101}, {@code 888888}, {@code 101#1})
 * @param room       the room, empty for the centre or another VTO
 * @param outcome    how it ended
 * @param answeredBy the device that answered ({@code 101#1}), empty when none
 * @param talk       time talked, zero when not answered
 * @param emergency  a call to the management centre from the call-centre key
 * @param reason     how it ended, for people ("486 Busy Here", "no answer in 30 s", "BYE from 101#1")
 * @param snapshot   a JPEG of the visitor taken when the call rang is kept for this record ({@link
 *                   CallSnapshots#get})
 */
public record CallRecord(
        long id,
        String callId,
        Instant at,
        Instant ended,
        Direction direction,
        String peer,
        String room,
        Outcome outcome,
        String answeredBy,
        Duration talk,
        boolean emergency,
        String reason,
        boolean snapshot) {
    public enum Direction {
        OUTGOING,
        INCOMING;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Outcome {
        /** Someone answered; the call talked for {@code talk}. */
        ANSWERED,
        /** Nobody answered before the ring timeout, or the callee's side gave up ringing. */
        MISSED,
        /** Busy (486 Busy Here, 600 Busy Everywhere), or a monitor session refused while the VTO was in a call. */
        BUSY,
        /** The callee declined (603 Decline, 403 Forbidden). */
        REFUSED,
        /** Any other end without an answer: no such number, no common codec (488), no response. */
        FAILED,
        /** The visitor hung up before anyone answered. */
        CANCELLED;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CallRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(outcome, "outcome");
        callId = callId == null ? "" : callId;
        ended = ended == null ? at : ended;
        peer = peer == null ? "" : peer;
        room = room == null ? "" : room;
        answeredBy = answeredBy == null ? "" : answeredBy;
        talk = talk == null ? Duration.ZERO : talk;
        reason = reason == null ? "" : reason;
    }

    /** From start to end. */
    public Duration duration() {
        return Duration.between(at, ended);
    }

    public CallRecord withId(long newId) {
        return new CallRecord(
                newId,
                callId,
                at,
                ended,
                direction,
                peer,
                room,
                outcome,
                answeredBy,
                talk,
                emergency,
                reason,
                snapshot);
    }

    public CallRecord withSnapshot(boolean kept) {
        return new CallRecord(
                id, callId, at, ended, direction, peer, room, outcome, answeredBy, talk, emergency, reason, kept);
    }
}
