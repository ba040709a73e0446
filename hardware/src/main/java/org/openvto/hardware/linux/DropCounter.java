package org.openvto.hardware.linux;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts malformed input by reason, for the drivers' {@code dropped()} views (every reason listed, 0 if unseen,
 * named in kebab case: {@code UNSUPPORTED_LENGTH} → {@code unsupported-length}). Not thread-safe: the owner
 * synchronizes.
 */
final class DropCounter<E extends Enum<E>> {
    private final E[] reasons;
    private final long[] counts;

    DropCounter(Class<E> type) {
        this.reasons = type.getEnumConstants();
        this.counts = new long[reasons.length];
    }

    void count(E reason) {
        counts[reason.ordinal()]++;
    }

    long get(E reason) {
        return counts[reason.ordinal()];
    }

    long total() {
        return Arrays.stream(counts).sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (E r : reasons) {
            out.put(r.name().toLowerCase(Locale.ROOT).replace('_', '-'), counts[r.ordinal()]);
        }
        return out;
    }
}
