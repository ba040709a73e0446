package org.openvto.facade.io;

import java.util.Optional;

/**
 * The keys of the keyboard module (Quick Start Guide 2.5): digits, {@code #} and {@code *} for room numbers and
 * passwords ({@code # 123456 #}), the previous/next selection buttons, the call key and the call-centre key.
 */
public enum KeypadKey {
    DIGIT_0('0'),
    DIGIT_1('1'),
    DIGIT_2('2'),
    DIGIT_3('3'),
    DIGIT_4('4'),
    DIGIT_5('5'),
    DIGIT_6('6'),
    DIGIT_7('7'),
    DIGIT_8('8'),
    DIGIT_9('9'),
    HASH('#'),
    STAR('*'),
    PREVIOUS('<'),
    NEXT('>'),
    CALL('C'),
    CENTRE('M');

    private final char symbol;

    KeypadKey(char symbol) {
        this.symbol = symbol;
    }

    /** One character for the key: the digit, {@code #}, {@code *}, {@code <}, {@code >}, {@code C}all, {@code M}anagement centre. */
    public char symbol() {
        return symbol;
    }

    public boolean digit() {
        return symbol >= '0' && symbol <= '9';
    }

    public static Optional<KeypadKey> of(char symbol) {
        for (KeypadKey k : values()) {
            if (k.symbol == symbol) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
