package org.openvto.media.call.internal;

/**
 * The payload of an RFC 4733 telephone-event packet (§2.3): event code, end bit, volume and duration. Malformed
 * input is a value with its reason, never an exception.
 *
 * @param event the event code (§3.2: 0–9 the digits, 10 {@code *}, 11 {@code #}, 12–15 A–D; others are not keys)
 * @param end the E bit: the event has ended (§2.5.1.4, sent three times)
 * @param volume power level 0–63, in −dBm0
 * @param duration in timestamp units since the event's timestamp
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {
    /** The payload's size (§2.3). */
    static final int LENGTH = 4;

    private static final String KEYS = "0123456789*#ABCD";

    /** What {@link #decode} made of a payload. */
    public sealed interface Decoded {
        record Event(TelephoneEvent event) implements Decoded {}

        record Malformed(String reason) implements Decoded {}
    }

    /**
     * Reads the first event of {@code length} bytes at {@code offset}. Only the 4-byte form is defined (§2.3);
     * longer payloads are read as their first event (redundancy comes in RFC 2198 packets, another payload type).
     */
    public static Decoded decode(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            return new Decoded.Malformed("bounds outside the buffer");
        }
        if (length < LENGTH) {
            return new Decoded.Malformed("a telephone-event is 4 bytes, not " + length);
        }
        int second = data[offset + 1] & 0xFF;
        int duration = (data[offset + 2] & 0xFF) << 8 | (data[offset + 3] & 0xFF);
        return new Decoded.Event(
                new TelephoneEvent(data[offset] & 0xFF, (second & 0x80) != 0, second & 0x3F, duration));
    }

    /** The key of a DTMF event (§3.2 Table 7), or 0 for an event that is not a key (flash, tones…). */
    public char key() {
        return event < KEYS.length() ? KEYS.charAt(event) : 0;
    }
}
