package org.openvto.call.internal;

import java.time.Instant;
import org.openvto.access.KeypadEntry;
import org.openvto.facade.io.KeypadKey;

/**
 * The number a visitor types on the keyboard module to call it (Quick Start Guide 2.5 "Enter … VTH numbers", 4.3.1
 * step 1): digits typed without a leading {@code #}. A {@code #} starts an unlock password ({@code # 123456 #}),
 * which access control reads: its keys are left alone here, tracked by the same {@link KeypadEntry} rules so both
 * agree on where a password starts and ends. {@code *} clears, as does a pause over {@link KeypadEntry#TIMEOUT}. At
 * most {@link #MAX_DIGITS} digits (more are ignored). Not thread-safe: fed in key order on the calls thread.
 */
final class NumberEntry {
    static final int MAX_DIGITS = 16;

    private final KeypadEntry password = new KeypadEntry();
    private final StringBuilder number = new StringBuilder();
    private Instant last = Instant.MIN;

    /** What a key did to the number. */
    enum Step {
        /** A key of a password, or a key that is not part of a number (CALL, CENTRE, the selection buttons). */
        NONE,
        /** A digit was added: show the number. */
        TYPED,
        /** The number was cleared ({@code *}). */
        CLEARED
    }

    Step key(KeypadKey key, Instant at) {
        if (at.isAfter(last.plus(KeypadEntry.TIMEOUT))) {
            number.setLength(0); // a pause over 10 s starts again
        }
        last = at;
        KeypadEntry.Step step = password.key(key, at);
        if (key == KeypadKey.HASH) {
            number.setLength(0); // a password starts (or ends): what was typed before it is no number
            return Step.NONE;
        }
        if (key == KeypadKey.STAR) {
            boolean had = !number.isEmpty();
            number.setLength(0);
            return had ? Step.CLEARED : Step.NONE;
        }
        if (!key.digit() || !(step instanceof KeypadEntry.Step.Idle)) {
            return Step.NONE; // a password digit, or not a digit at all
        }
        if (number.length() < MAX_DIGITS) {
            number.append(key.symbol());
        }
        return Step.TYPED;
    }

    /** The number typed so far (empty after a pause over 10 s). */
    String number(Instant at) {
        return at.isAfter(last.plus(KeypadEntry.TIMEOUT)) ? "" : number.toString();
    }

    void clear() {
        number.setLength(0);
    }
}
