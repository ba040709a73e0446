package org.openvto.alarm;

import java.util.Locale;
import java.util.Optional;

/** The alarms a VTO raises. */
public enum AlarmType {
    /** The VTO was pulled off the wall (tamper switch released): sounds at the door. */
    TAMPER("Tamper", true, false),
    /** The door stayed open longer than the door sensor check duration. */
    DOOR_NOT_CLOSED("Door not closed", true, false),
    /** The door opened with no unlock and no exit-button press. */
    FORCED_OPEN("Door forced open", true, true),
    /** A duress PIN opened the door: silent at the door, only the centre knows. */
    DURESS("Duress unlock", false, true),
    /** Five wrong passwords locked the keypad. */
    KEYPAD_LOCKED("Keypad locked", false, true);

    private final String title;
    private final boolean sounds;
    private final boolean momentary;

    AlarmType(String title, boolean sounds, boolean momentary) {
        this.title = title;
        this.sounds = sounds;
        this.momentary = momentary;
    }

    public String title() {
        return title;
    }

    /** Whether the alarm sound plays at the door; the duress alarm never does. */
    public boolean sounds() {
        return sounds;
    }

    /**
     * A momentary alarm has no condition that lasts (a duress unlock happened): it is cleared when acknowledged.
     * The others (tamper, door not closed) are cleared when acknowledged and their condition has ended.
     */
    public boolean momentary() {
        return momentary;
    }

    /** {@code door-not-closed}: the form in topics, records and the API. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<AlarmType> parse(String token) {
        for (AlarmType t : values()) {
            if (t.token().equals(token)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
