package org.openvto.access;

import java.time.Instant;
import org.openvto.event.Event;
import org.openvto.records.UnlockRecord;

/** What access control did, as typed events on the bus (after the record is stored). */
public sealed interface AccessEvent extends Event {
    /** An unlock attempt was decided: {@code access/granted} or {@code access/refused}. */
    record Decided(UnlockRecord record) implements AccessEvent {
        @Override
        public String topic() {
            return "access/" + record.result();
        }
    }

    /** Lock {@code lock} was energized until {@code until}: {@code door/1/unlocked}. */
    record Unlocked(int lock, UnlockMethod method, Instant at, Instant until) implements AccessEvent {
        @Override
        public String topic() {
            return "door/" + lock + "/unlocked";
        }
    }

    /** The keypad stopped taking passwords until {@code until}: {@code access/keypad/locked}. */
    record KeypadLocked(Instant at, Instant until) implements AccessEvent {
        @Override
        public String topic() {
            return "access/keypad/locked";
        }
    }
}
