package org.openvto.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The people of Household Setting › People with their credentials. The store seals card numbers and fingerprint
 * templates at rest with the device key and keeps only keyed digests ({@link CredentialDigests}) of PINs; it
 * finds credentials by those digests through an index (one query per presentation). Every write is one
 * transaction, durable when it returns. Thread-safe.
 */
public interface PeopleStore {
    /** A person to write: what {@link Person} shows plus the digests and what happens to the PINs. */
    record PersonRow(
            long id,
            String room,
            String name,
            WeeklySchedule schedule,
            PinUpdate pin,
            PinUpdate duressPin,
            List<CardRow> cards) {
        public PersonRow {
            cards = List.copyOf(cards);
        }
    }

    /** A card and the digest of its number. */
    record CardRow(Card card, String digest) {}

    /** What a write does to a PIN. */
    sealed interface PinUpdate {
        record Keep() implements PinUpdate {}

        record Clear() implements PinUpdate {}

        record Set(String digest) implements PinUpdate {}

        PinUpdate KEEP = new Keep();
        PinUpdate CLEAR = new Clear();
    }

    /** The person a card belongs to, and that card. */
    record CardHolder(Person person, Card card) {}

    /** The person a PIN belongs to, and whether it is their duress PIN. */
    record PinHolder(Person person, boolean duress) {}

    /** Stores a new person (its id is ignored) and returns the id given. */
    long insert(PersonRow person);

    /** Replaces a person's fields and cards (fingerprints stay); false when there is no such person. */
    boolean update(PersonRow person);

    /** Stores every person or, on any failure, none (a CSV import). */
    void insertAll(List<PersonRow> people);

    /**
     * Deletes a person with their cards, PINs and fingerprint templates at once, and removes their name from
     * past unlock records (which keep the room and the method), in one transaction.
     */
    boolean delete(long id);

    Optional<Person> get(long id);

    /** People whose room or name starts with {@code query} (all when empty), by room then name. */
    List<Person> page(String query, int offset, int limit);

    long count(String query);

    Optional<CardHolder> byCard(String digest);

    Optional<Person> byFingerprint(String digest);

    Optional<PinHolder> byPin(String digest);

    /** The person holding a card, PIN or duress PIN with this digest, if any (to refuse a duplicate). */
    Optional<Long> holderOf(String digest);

    /** Enrols a fingerprint template (sealed at rest) for a person; returns its id. */
    long addFingerprint(long personId, String label, String template, String digest, Instant at);

    boolean removeFingerprint(long personId, long fingerprintId);
}
