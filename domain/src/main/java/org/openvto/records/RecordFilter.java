package org.openvto.records;

import java.time.Instant;
import java.util.Optional;

/**
 * Which records a search or an export covers: a time range ({@code from} inclusive, {@code to} exclusive, either
 * empty for open), a type (the unlock method, the alarm type, the call direction; empty for all), a room (exact,
 * empty for all) and a result ({@code granted}/{@code refused} for unlocks, {@code answered}/{@code missed}… for
 * calls; empty for all). Immutable.
 */
public record RecordFilter(Optional<Instant> from, Optional<Instant> to, String type, String room, String result) {
    public static final RecordFilter ALL = new RecordFilter(Optional.empty(), Optional.empty(), "", "", "");

    public RecordFilter {
        type = type == null ? "" : type.strip();
        room = room == null ? "" : room.strip();
        result = result == null ? "" : result.strip();
    }

    public boolean inRange(Instant at) {
        return from.map(f -> !at.isBefore(f)).orElse(true)
                && to.map(t -> at.isBefore(t)).orElse(true);
    }
}
