package org.openvto.access;

import java.util.Optional;

/** Why the door did not open: each stage of the access decision refuses with one of these. */
public enum Refusal {
    UNKNOWN_CARD("unknown card"),
    CARD_LOST("card reported lost"),
    CARD_FROZEN("card frozen"),
    NOT_YET_VALID("not valid yet"),
    EXPIRED("expired"),
    UNKNOWN_FINGERPRINT("unknown fingerprint"),
    WRONG_PASSWORD("wrong password"),
    KEYPAD_LOCKED("keypad locked after wrong passwords"),
    OUTSIDE_SCHEDULE("outside the person's schedule"),
    UNLOCK_INTERVAL("inside the unlock responding interval"),
    EXIT_BUTTON_DISABLED("exit button disabled"),
    WRONG_COMMAND("not an unlock command"),
    LOCK_OFFLINE("lock relay offline");

    private final String text;

    Refusal(String text) {
        this.text = text;
    }

    /** What the record and the display say. */
    public String text() {
        return text;
    }

    /** {@code unknown-card}: the form used in records and the API. */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<Refusal> parse(String token) {
        for (Refusal r : values()) {
            if (r.token().equals(token)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
