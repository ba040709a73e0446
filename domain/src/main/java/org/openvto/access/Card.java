package org.openvto.access;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's access card.
 *
 * @param number    as the reader gives it: 1–20 digits (Wiegand 26/34 facility + card code as one number)
 * @param kind      main or normal card (the device's "main card" may open when others are frozen: kept for the
 *                  installer's records; both open the same way here)
 * @param validFrom first day it opens (inclusive), empty for no limit
 * @param validTo   last day it opens (inclusive), empty for no limit
 * @param status    normal, lost (reported lost: refused at once) or frozen
 */
public record Card(
        String number, Kind kind, Optional<LocalDate> validFrom, Optional<LocalDate> validTo, Status status) {
    /** At most this many cards per person (the device's limit). */
    public static final int MAX_PER_PERSON = 5;

    public enum Kind {
        MAIN,
        NORMAL;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        NORMAL,
        LOST,
        FROZEN;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Card {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(status, "status");
    }

    public static boolean validNumber(String number) {
        return number != null && number.matches("[0-9]{1,20}");
    }

    /** The last 4 digits, for records and pages: a card number is a credential and is not shown whole. */
    public String reference() {
        return reference(number);
    }

    /** {@code …4711}: the last 4 digits of any card number as presented (known or not). */
    public static String reference(String number) {
        String n = number == null ? "" : number.strip();
        return "…" + n.substring(Math.max(0, n.length() - 4));
    }

    public Card withStatus(Status newStatus) {
        return new Card(number, kind, validFrom, validTo, newStatus);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String token) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(token == null ? "" : token.strip())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static Optional<Kind> kind(String token) {
        return parse(Kind.class, token);
    }

    public static Optional<Status> status(String token) {
        return parse(Status.class, token);
    }
}
