package org.openvto.hardware.linux;

import java.util.Optional;

/**
 * Decodes Wiegand 26- and 34-bit frames from bit pulses with their kernel timestamps. A frame ends after a gap of
 * silence ({@code frameGap}), seen at the next bit's timestamp or when the reader calls {@link #endFrame} a gap
 * after the last bit.
 *
 * <p>26-bit (H10301): bit 1 is even parity over bits 2–13, bits 2–9 the facility code (8 bits), bits 10–25 the card
 * number (16 bits), bit 26 odd parity over bits 14–25. 34-bit: bit 1 even parity over the first 16 data bits, 32
 * data bits, bit 34 odd parity over the last 16. The number reported is the <b>decimal of the data bits</b> as one
 * unsigned integer: 26-bit {@code facility × 65536 + card} (facility 1, card 1 → {@code 65537}); 34-bit the 32-bit
 * value (0 to 4294967295). A controller that prints "facility/card" splits it back as {@code n / 65536} and
 * {@code n % 65536}.
 *
 * <p>Malformed input is data, never a number: a frame with a wrong parity bit, a frame cut short (fewer than 26
 * bits), another length, or a frame with a pulse closer than {@code minSpacing} to the one before (noise) is
 * dropped and counted by {@link Drop} reason, as is a frame during which the kernel's event buffer overflowed. Not thread-safe: the reader synchronizes.
 */
final class WiegandDecoder {
    /** Why a frame was dropped. */
    enum Drop {
        PARITY,
        TRUNCATED,
        UNSUPPORTED_LENGTH,
        NOISE,
        /** The kernel's event buffer overflowed while the frame came in: bits may be missing. */
        OVERFLOW
    }

    /** A good frame: the card number (decimal of the data bits), its length and its last pulse's timestamp. */
    record Card(String number, int bits, long timestampNanos) {}

    private static final int MAX_BITS = 64;

    private final long frameGapNanos;
    private final long minSpacingNanos;
    private final DropCounter<Drop> dropped = new DropCounter<>(Drop.class);
    private long accepted;
    private long bits;
    private int count;
    private boolean noisy;
    private boolean damaged;
    private boolean damageNext;
    private long lastPulse;

    WiegandDecoder(long frameGapNanos, long minSpacingNanos) {
        this.frameGapNanos = frameGapNanos;
        this.minSpacingNanos = minSpacingNanos;
    }

    /** A pulse on D0 ({@code one == false}) or D1 at {@code timestampNanos}; returns the card of a frame it ended. */
    Optional<Card> pulse(boolean one, long timestampNanos) {
        Optional<Card> ended = Optional.empty();
        if (count > 0) {
            long gap = timestampNanos - lastPulse;
            if (gap >= frameGapNanos || gap < 0) {
                ended = endFrame();
            } else if (gap < minSpacingNanos) {
                noisy = true;
            }
        }
        if (count == 0) {
            damaged = damageNext; // the lost events may have been this frame's first bits
        }
        damageNext = false;
        if (count < MAX_BITS) {
            bits = (bits << 1) | (one ? 1 : 0);
        }
        count++;
        lastPulse = timestampNanos;
        return ended;
    }

    /**
     * Events were lost before the next pulse: the frame in progress (its last bits) and the frame that pulse starts,
     * if it starts one (its first bits), are dropped as {@link Drop#OVERFLOW}.
     */
    void lost() {
        damaged |= count > 0;
        damageNext = true;
    }

    /** True while a frame has started and not ended. */
    boolean inFrame() {
        return count > 0;
    }

    /** Ends the frame in progress (the line has been quiet for the gap). */
    Optional<Card> endFrame() {
        if (count == 0) {
            return Optional.empty();
        }
        Optional<Card> card = decode();
        if (card.isPresent()) {
            accepted++;
        }
        bits = 0;
        count = 0;
        noisy = false;
        damaged = false;
        return card;
    }

    private Optional<Card> decode() {
        if (damaged) {
            return drop(Drop.OVERFLOW);
        }
        if (noisy) {
            return drop(Drop.NOISE);
        }
        if (count < 26) {
            return drop(Drop.TRUNCATED);
        }
        if (count != 26 && count != 34) {
            return drop(Drop.UNSUPPORTED_LENGTH);
        }
        int half = (count - 2) / 2;
        long data = (bits >>> 1) & ((1L << (count - 2)) - 1);
        long first = data >>> half;
        long last = data & ((1L << half) - 1);
        boolean even = ((bits >>> (count - 1)) & 1) == Long.bitCount(first) % 2;
        boolean odd = (bits & 1) != Long.bitCount(last) % 2;
        if (!even || !odd) {
            return drop(Drop.PARITY);
        }
        return Optional.of(new Card(Long.toString(data), count, lastPulse));
    }

    private Optional<Card> drop(Drop reason) {
        dropped.count(reason);
        return Optional.empty();
    }

    /** Frames dropped so far, by reason. */
    DropCounter<Drop> dropped() {
        return dropped;
    }

    long accepted() {
        return accepted;
    }
}
