package org.openvto.access;

import java.util.Optional;

/** What was presented to open the door; every method goes through the one {@link AccessDecision}. */
public sealed interface Credential {
    UnlockMethod method();

    /** A card at a reader; {@code number} as the reader gives it. */
    record Presented(String number, String reader) implements Credential {
        @Override
        public UnlockMethod method() {
            return UnlockMethod.CARD;
        }
    }

    /** A finger at the fingerprint module; {@code template} as the module hands it over. */
    record Finger(String template) implements Credential {
        @Override
        public UnlockMethod method() {
            return UnlockMethod.FINGERPRINT;
        }
    }

    /** {@code #} + digits + {@code #} on the keypad: a person's PIN, a duress PIN or the public password. */
    record Keypad(String digits) implements Credential {
        @Override
        public UnlockMethod method() {
            return UnlockMethod.PASSWORD;
        }

        @Override
        public String toString() {
            return "Keypad[****]"; // never log a password
        }
    }

    /**
     * From the console or the API: {@code user} is who asked, {@code lock} the lock asked for (empty: the one
     * Access Control assigns to remote unlocks).
     */
    record Remote(String user, Optional<LockChoice> lock) implements Credential {
        @Override
        public UnlockMethod method() {
            return UnlockMethod.REMOTE;
        }
    }

    /** DTMF digits from the device {@code from} ({@code 101#0}) during a call; matched to the unlock commands. */
    record Dtmf(String digits, String from, String room) implements Credential {
        @Override
        public UnlockMethod method() {
            return UnlockMethod.DTMF;
        }
    }

    /** The exit button inside the door. */
    record ExitButton(int door) implements Credential {
        @Override
        public UnlockMethod method() {
            return UnlockMethod.EXIT_BUTTON;
        }
    }
}
