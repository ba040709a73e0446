package org.openvto.media.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code a=} line (RFC 8866 §5.13): a property attribute ({@code a=rtcp-mux}, no value) or a value attribute
 * ({@code a=ptime:20}; the value is everything after the first colon and may be empty). Unknown attributes are kept
 * as they are. Immutable.
 */
public record Attribute(String name, Optional<String> value) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!isToken(name)) {
            throw new IllegalArgumentException("attribute name is not a token: " + name);
        }
        if (value.isPresent() && value.get().chars().anyMatch(c -> c < ' ' && c != '\t')) {
            throw new IllegalArgumentException("attribute value holds a control character");
        }
    }

    public static Attribute property(String name) {
        return new Attribute(name, Optional.empty());
    }

    public static Attribute of(String name, String value) {
        return new Attribute(name, Optional.of(value));
    }

    /** {@code ptime:20} → {@code ptime} with {@code 20}; {@code rtcp-mux} → a property. */
    public static Attribute parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? property(text) : of(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The text after {@code a=}. */
    public String format() {
        return value.map(v -> name + ":" + v).orElse(name);
    }

    /** RFC 8866 §9 {@code token}: visible ASCII but the separators. */
    public static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7F || "\"(),/:;<=>?@[\\]".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
