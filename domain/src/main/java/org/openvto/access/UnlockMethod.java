package org.openvto.access;

import java.util.Locale;
import java.util.Optional;

/** How a door was opened or tried (Quick Start Guide 1.2 "card, fingerprint, password and remote unlock"). */
public enum UnlockMethod {
    CARD,
    FINGERPRINT,
    /** A person's PIN or the public unlock password, {@code #} + digits + {@code #} on the keypad. */
    PASSWORD,
    /** From the console or the REST API. */
    REMOTE,
    /** From an indoor monitor during a call, by the First/Second Unlock Command. */
    DTMF,
    EXIT_BUTTON;

    /** {@code card}, {@code exit-button}: the form used in records, filters and the API. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<UnlockMethod> parse(String token) {
        for (UnlockMethod m : values()) {
            if (m.token().equals(token)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
