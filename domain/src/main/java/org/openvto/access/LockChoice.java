package org.openvto.access;

import java.util.Locale;
import java.util.Optional;

/** Which lock of the user port an unlock method opens (Local Setting › Access Control). */
public enum LockChoice {
    LOCK_1(1),
    LOCK_2(2),
    BOTH(3);

    private final int code;

    LockChoice(int code) {
        this.code = code;
    }

    /** 1, 2, or 3 for both: the {@code lock} of an unlock record. */
    public int code() {
        return code;
    }

    public boolean opens(int lock) {
        return this == BOTH || code == lock;
    }

    /** {@code lock-1}, {@code lock-2}, {@code both}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<LockChoice> parse(String token) {
        for (LockChoice c : values()) {
            if (c.token().equals(token) || String.valueOf(c.code).equals(token)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
