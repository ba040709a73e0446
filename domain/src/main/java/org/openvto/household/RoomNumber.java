package org.openvto.household;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VTH's number: {@code room#index}, where {@code room} has 1–6 letters or digits (Quick Start Guide 4.2.6) and
 * {@code index} is 0 for the master VTH and 1… for extensions. {@code 101} alone means {@code 101#0}.
 */
public record RoomNumber(String room, int index) implements Comparable<RoomNumber> {
    /** Extensions per master VTH (Quick Start Guide 4.2.6: "10 extension VTH devices at most"). */
    public static final int MAX_EXTENSIONS = 10;
    /** Highest extension index the guide allows ({@code room#99}). */
    public static final int MAX_INDEX = 99;

    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9]+)(?:#([0-9]{1,2}))?");

    /** Parses {@code text}; empty when it is not {@code room} or {@code room#n} with a 1–6 character room. */
    public static Optional<RoomNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches() || m.group(1).length() > 6) {
            return Optional.empty();
        }
        return Optional.of(new RoomNumber(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    }

    public boolean master() {
        return index == 0;
    }

    /** The SIP user name of this device, e.g. {@code 101#0}. */
    @Override
    public String toString() {
        return room + "#" + index;
    }

    @Override
    public int compareTo(RoomNumber o) {
        int byLength = Integer.compare(room.length(), o.room.length());
        int byRoom = byLength != 0 ? byLength : room.compareTo(o.room);
        return byRoom != 0 ? byRoom : Integer.compare(index, o.index);
    }
}
