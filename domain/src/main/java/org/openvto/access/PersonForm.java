package org.openvto.access;

import java.util.List;

/**
 * A person as the console form or the API sends it; checked by {@link PeopleService}, which names the field of
 * every broken rule ({@code cards[1].validTo}).
 *
 * @param schedule  the text form of {@link WeeklySchedule}; empty: always
 * @param pin       {@code null} keeps the PIN (none for a new person), {@code ""} removes it, digits set it
 * @param duressPin as {@code pin}
 * @param cards     replace the person's cards
 */
public record PersonForm(
        String room, String name, String schedule, String pin, String duressPin, List<CardForm> cards) {
    public PersonForm {
        cards = cards == null ? List.of() : List.copyOf(cards);
    }

    /**
     * @param kind     {@code main} or {@code normal} (empty: normal)
     * @param validFrom {@code 2026-01-01} or empty
     * @param status   {@code normal}, {@code lost} or {@code frozen} (empty: normal)
     */
    public record CardForm(String number, String kind, String validFrom, String validTo, String status) {}
}
