package org.openvto.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.openvto.facade.io.KeypadKey;

/**
 * Reads an unlock password from the keypad (Quick Start Guide 2.5: {@code #} + 123456 + {@code #}): {@code #}
 * starts the entry, digits follow, {@code #} ends it and hands the digits over. {@code *} or any non-digit key
 * cancels, as does a pause longer than {@link #TIMEOUT}; digits typed without a leading {@code #} are a room
 * number (the calls feature's) and ignored here. At most {@link #MAX_DIGITS} digits (more is a wrong password).
 * Not thread-safe: one per keypad, fed in key order.
 */
public final class KeypadEntry {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final int MAX_DIGITS = 16;

    private final StringBuilder digits = new StringBuilder();
    private boolean entering;
    private Instant last = Instant.MIN;

    /** What a key did: nothing to act on, a password being typed (how many digits), or a complete password. */
    public sealed interface Step {
        record Idle() implements Step {}

        record Typing(int digits) implements Step {}

        record Complete(String digits) implements Step {}
    }

    public Step key(KeypadKey key, Instant at) {
        if (entering && at.isAfter(last.plus(TIMEOUT))) {
            reset();
        }
        last = at;
        if (key == KeypadKey.HASH) {
            if (!entering) {
                entering = true;
                digits.setLength(0);
                return new Step.Typing(0);
            }
            String entered = digits.toString();
            reset();
            return entered.isEmpty() ? new Step.Typing(0) : new Step.Complete(entered);
        }
        if (!entering) {
            return new Step.Idle();
        }
        if (!key.digit()) {
            reset();
            return new Step.Idle();
        }
        if (digits.length() < MAX_DIGITS + 1) {
            digits.append(key.symbol());
        }
        return new Step.Typing(digits.length());
    }

    public boolean entering() {
        return entering;
    }

    private void reset() {
        entering = false;
        digits.setLength(0);
    }

    /** The digits typed so far as the display shows them. */
    public Optional<String> masked() {
        return entering ? Optional.of("*".repeat(digits.length())) : Optional.empty();
    }
}
