package org.openvto.video;

import java.util.Locale;
import java.util.Optional;

/** A choice of the Video &amp; Audio page: its API and form value ({@link #token()}) and what the page shows. */
public interface Choice {
    String token();

    String label();

    /** The constant of {@code type} whose token is {@code token}, ignoring case. */
    static <E extends Enum<E> & Choice> Optional<E> parse(Class<E> type, String token) {
        if (token == null) {
            return Optional.empty();
        }
        String t = token.toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.token().equals(t)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
