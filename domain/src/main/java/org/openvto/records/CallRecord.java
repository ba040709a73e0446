package org.openvto.records;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One call of the VTO (Quick Start Guide 1.2 "call records"): filled by the calls feature.
 *
 * @param direction {@link Direction#OUTGOING} for a visitor calling a room or the centre, {@link Direction#INCOMING}
 *                  for a monitor session from an indoor monitor
 * @param peer      the number called or calling ({@code 101}, {@code 888888}, {@code 101#1})
 * @param room      the room, empty for the centre or another VTO
 * @param answeredBy the device that answered ({@code 101#1}), empty when none
 * @param talk      time talked, zero when not answered
 * @param emergency a call to the management centre from the call-centre key
 */
public record CallRecord(
        long id,
        Instant at,
        Direction direction,
        String peer,
        String room,
        Outcome outcome,
        String answeredBy,
        Duration talk,
        boolean emergency) {
    public enum Direction {
        OUTGOING,
        INCOMING;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Outcome {
        ANSWERED,
        MISSED,
        BUSY,
        FAILED,
        CANCELLED;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CallRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(outcome, "outcome");
        peer = peer == null ? "" : peer;
        room = room == null ? "" : room;
        answeredBy = answeredBy == null ? "" : answeredBy;
        talk = talk == null ? Duration.ZERO : talk;
    }

    public CallRecord withId(long newId) {
        return new CallRecord(newId, at, direction, peer, room, outcome, answeredBy, talk, emergency);
    }
}
