package org.openvto.access;

import java.util.List;
import java.util.Objects;

/**
 * A resident (or a regular visitor) who may open the door: Household Setting › People. Belongs to a room of Room
 * No. Management. The PINs themselves are never held here, only whether they are set.
 *
 * @param id           the store's id; 0 before it is stored
 * @param room         the room number ({@code 101})
 * @param name         shown in records and pages, 1–64 characters
 * @param schedule     when the person's credentials open
 * @param hasPin       a personal unlock password is set
 * @param hasDuressPin a duress PIN is set
 * @param cards        at most {@link Card#MAX_PER_PERSON}
 */
public record Person(
        long id,
        String room,
        String name,
        WeeklySchedule schedule,
        boolean hasPin,
        boolean hasDuressPin,
        List<Card> cards,
        List<Fingerprint> fingerprints) {
    public Person {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        cards = List.copyOf(cards);
        fingerprints = List.copyOf(fingerprints);
    }
}
