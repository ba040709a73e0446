package org.openvto.facade;

import java.util.Locale;
import java.util.Optional;

/**
 * How the modules sit on the wall (Quick Start Guide chapter 3): frames of two or three modules, mounted
 * horizontally (each frame a row, rows top to bottom) or vertically (each frame a column, columns left to right).
 * The cascade order maps onto the positions top to bottom, left to right.
 *
 * @param frameSize modules per frame: 2 or 3
 */
public record Mounting(int frameSize, Orientation orientation) {
    public static final Mounting DEFAULT = new Mounting(3, Orientation.VERTICAL);

    public enum Orientation {
        HORIZONTAL,
        VERTICAL;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Orientation> parse(String s) {
            if (s == null) {
                return Optional.empty();
            }
            for (Orientation o : values()) {
                if (o.token().equals(s.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /** Where module {@code index} of the cascade sits: 0-based row and column of the whole façade. */
    public record Position(int row, int column) {}

    public Position position(int index) {
        int frame = index / frameSize;
        int slot = index % frameSize;
        return orientation == Orientation.VERTICAL ? new Position(slot, frame) : new Position(frame, slot);
    }

    /** {@code 3-vertical}: how the layout file and the settings write it. */
    public String token() {
        return frameSize + "-" + orientation.token();
    }

    @Override
    public String toString() {
        return token();
    }

    /** Reads {@code 2-horizontal} or {@code 3-vertical}; anything else is empty. */
    public static Optional<Mounting> parse(String s) {
        if (s == null || !s.strip().matches("[0-9]-[a-z]+")) {
            return Optional.empty();
        }
        String[] parts = s.strip().split("-");
        int size = Integer.parseInt(parts[0]);
        return Orientation.parse(parts[1]).map(o -> new Mounting(size, o));
    }
}
