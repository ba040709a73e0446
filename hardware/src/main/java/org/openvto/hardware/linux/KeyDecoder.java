package org.openvto.hardware.linux;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.openvto.facade.io.FacadeInputs;
import org.openvto.facade.io.KeypadKey;

/**
 * Turns key presses of a HID keyboard-wedge device into façade inputs. Key codes are those of
 * {@code include/uapi/linux/input-event-codes.h}: the top-row digits {@code KEY_1}..{@code KEY_9} (2–10),
 * {@code KEY_0} (11), shift + 3 = {@code #}, shift + 8 = {@code *}; the keypad's {@code KEY_KP0}..{@code KEY_KP9},
 * {@code KEY_KPASTERISK} (55); the phone-style {@code KEY_NUMERIC_0}..{@code 9} (512–521), {@code KEY_NUMERIC_STAR}
 * (522), {@code KEY_NUMERIC_POUND} (523); {@code KEY_ENTER} (28) and {@code KEY_KPENTER} (96). Presses count,
 * auto-repeats (value 2) and releases do not (a held key is one key).
 *
 * <p>Card mode: the reader types the number then Enter → {@code card(number, "hid", at of Enter)}. Digits only,
 * at most 32; a key more than {@code interKey} after the previous one starts over. Dropped and counted: a number
 * with another key in it, one too long, Enter with nothing typed, a number left without Enter. Keypad mode: each key
 * is {@code keypad(key)}; Enter is the call key, the arrow keys are previous/next; other keys are counted as
 * ignored. Not thread-safe (one reader thread).
 */
final class KeyDecoder {
    enum Mode {
        CARD,
        KEYPAD
    }

    enum Drop {
        INVALID_KEY,
        TOO_LONG,
        EMPTY,
        INCOMPLETE,
        IGNORED_KEY
    }

    static final int MAX_DIGITS = 32;
    private static final int KEY_LEFTSHIFT = 42;
    private static final int KEY_RIGHTSHIFT = 54;
    private static final int KEY_ENTER = 28;
    private static final int KEY_KPENTER = 96;

    private final Mode mode;
    private final long interKeyNanos;
    private final FacadeInputs inputs;
    private final DropCounter<Drop> dropped = new DropCounter<>(Drop.class);
    private final StringBuilder number = new StringBuilder();
    private boolean invalid;
    private boolean tooLong;
    private boolean shift;
    private long lastKey;

    KeyDecoder(Mode mode, Duration interKey, FacadeInputs inputs) {
        this.mode = mode;
        this.interKeyNanos = interKey.toNanos();
        this.inputs = inputs;
    }

    void event(EvdevParser.InputEvent e) {
        if (e.type() != EvdevParser.EV_KEY) {
            return;
        }
        if (e.code() == KEY_LEFTSHIFT || e.code() == KEY_RIGHTSHIFT) {
            shift = e.value() != 0;
            return;
        }
        if (e.value() == 1) {
            press(e.code(), e.timeNanos());
        }
    }

    private void press(int code, long at) {
        boolean enter = code == KEY_ENTER || code == KEY_KPENTER;
        Optional<Character> symbol = symbol(code, shift);
        if (mode == Mode.KEYPAD) {
            Optional<KeypadKey> key = enter ? Optional.of(KeypadKey.CALL) : symbol.flatMap(KeypadKey::of);
            key.ifPresentOrElse(k -> inputs.keypad(k, instant(at)), () -> drop(Drop.IGNORED_KEY));
            return;
        }
        if (number.length() > 0 || invalid || tooLong) {
            if (at - lastKey > interKeyNanos || at < lastKey) {
                drop(Drop.INCOMPLETE);
                clear();
            }
        }
        lastKey = at;
        if (enter) {
            finish(at);
        } else if (symbol.isPresent() && Character.isDigit(symbol.get())) {
            if (number.length() < MAX_DIGITS) {
                number.append(symbol.get());
            } else {
                tooLong = true; // bounded: a stuck key must not grow the buffer
            }
        } else {
            invalid = true;
        }
    }

    private void finish(long at) {
        if (invalid) {
            drop(Drop.INVALID_KEY);
        } else if (number.length() == 0) {
            drop(Drop.EMPTY);
        } else if (tooLong) {
            drop(Drop.TOO_LONG);
        } else {
            inputs.card(number.toString(), "hid", instant(at));
        }
        clear();
    }

    private void clear() {
        number.setLength(0);
        invalid = false;
        tooLong = false;
    }

    private void drop(Drop reason) {
        dropped.count(reason);
    }

    DropCounter<Drop> dropped() {
        return dropped;
    }

    /** Forgets a number in progress (the device was reopened) without counting it. */
    void reset() {
        clear();
        shift = false;
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    /** The character a key types, if it is one the façade knows. */
    static Optional<Character> symbol(int code, boolean shift) {
        if (code >= 2 && code <= 11) { // KEY_1..KEY_9, KEY_0
            if (shift) {
                return code == 4 ? Optional.of('#') : code == 9 ? Optional.of('*') : Optional.empty();
            }
            return Optional.of(code == 11 ? '0' : (char) ('0' + code - 1));
        }
        if (code >= 512 && code <= 521) { // KEY_NUMERIC_0..9
            return Optional.of((char) ('0' + code - 512));
        }
        return Optional.ofNullable(
                switch (code) {
                    case 82 -> '0'; // KEY_KP0
                    case 79 -> '1';
                    case 80 -> '2';
                    case 81 -> '3';
                    case 75 -> '4';
                    case 76 -> '5';
                    case 77 -> '6';
                    case 71 -> '7';
                    case 72 -> '8';
                    case 73 -> '9'; // KEY_KP9
                    case 55, 522 -> '*'; // KEY_KPASTERISK, KEY_NUMERIC_STAR
                    case 523 -> '#'; // KEY_NUMERIC_POUND
                    case 103, 105 -> '<'; // KEY_UP, KEY_LEFT: previous
                    case 108, 106 -> '>'; // KEY_DOWN, KEY_RIGHT: next
                    default -> null;
                });
    }
}
