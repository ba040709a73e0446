package org.openvto.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.openvto.csv.Csv;
import org.openvto.event.EventBus;
import org.openvto.household.Actor;
import org.openvto.security.SecurityEvent;
import org.openvto.validation.FieldError;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;

/**
 * Household Setting › People: residents with their cards, PINs, fingerprints and schedules. Every change is checked
 * completely first — the room exists in Room No. Management, at most 5 cards, a card or PIN belongs to nobody else
 * (nor is the public password) — and written in one transaction, or rejected with the field of each broken rule
 * and nothing written. Changes are serialised, logged in the security log (never with a credential) and announced
 * as {@code config/people/changed}. Fingerprints are enrolled from the fingerprint module: {@link #startEnrolment}
 * makes the next finger presented within {@link #ENROLMENT_WINDOW} that person's template. Thread-safe.
 */
public final class PeopleService {
    /** How long the fingerprint module waits for the finger to enrol. */
    public static final Duration ENROLMENT_WINDOW = Duration.ofSeconds(30);
    /** People per CSV import. */
    public static final int MAX_IMPORT = 50_000;

    private final PeopleStore store;
    private final CredentialDigests digests;
    private final Supplier<Set<String>> rooms;
    private final Supplier<Optional<String>> publicPassword;
    private final EventBus bus;
    private final Clock clock;
    private Enrolment enrolment;

    /** A fingerprint enrolment waiting for its finger. */
    public record Enrolment(long personId, String label, Instant until) {}

    /**
     * @param rooms          the room numbers of Room No. Management
     * @param publicPassword the digest of the public unlock password, when set
     */
    public PeopleService(
            PeopleStore store,
            CredentialDigests digests,
            Supplier<Set<String>> rooms,
            Supplier<Optional<String>> publicPassword,
            EventBus bus,
            Clock clock) {
        this.store = store;
        this.digests = digests;
        this.rooms = rooms;
        this.publicPassword = publicPassword;
        this.bus = bus;
        this.clock = clock;
    }

    /** Whether a person's PIN or duress PIN has this digest (the public password must differ from all). */
    public boolean pinInUse(String digest) {
        return store.byPin(digest).isPresent();
    }

    public Optional<Person> get(long id) {
        return store.get(id);
    }

    public List<Person> page(String query, int offset, int limit) {
        return store.page(query == null ? "" : query.strip(), offset, limit);
    }

    public long count(String query) {
        return store.count(query == null ? "" : query.strip());
    }

    public synchronized Result<Person> add(PersonForm form) {
        Violations v = new Violations();
        PeopleStore.PersonRow row = check(v, 0, form, "", Set.of(), Map.of());
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        long id = store.insert(row);
        changed("person " + id + " added to room " + row.room());
        return Result.applied(store.get(id).orElseThrow());
    }

    public synchronized Result<Person> update(long id, PersonForm form) {
        Optional<Person> old = store.get(id);
        if (old.isEmpty()) {
            return Result.rejected("id", "there is no person " + id);
        }
        Violations v = new Violations();
        PeopleStore.PersonRow row = check(v, id, form, "", Set.of(), Map.of());
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        store.update(row);
        changed("person " + id + " changed");
        return Result.applied(store.get(id).orElseThrow());
    }

    /** Report loss (or freeze, or restore) one card at once: it stops opening with the next presentation. */
    public synchronized Result<Person> cardStatus(long id, String number, Card.Status status) {
        Optional<Person> p = store.get(id);
        if (p.isEmpty()) {
            return Result.rejected("id", "there is no person " + id);
        }
        List<PeopleStore.CardRow> cards = new ArrayList<>();
        boolean found = false;
        for (Card c : p.get().cards()) {
            boolean match = c.number().equals(number == null ? "" : number.strip());
            found |= match;
            cards.add(new PeopleStore.CardRow(match ? c.withStatus(status) : c, digests.card(c.number())));
        }
        if (!found) {
            return Result.rejected("number", "person " + id + " has no card " + number);
        }
        Person q = p.get();
        store.update(new PeopleStore.PersonRow(
                id, q.room(), q.name(), q.schedule(), PeopleStore.PinUpdate.KEEP, PeopleStore.PinUpdate.KEEP, cards));
        changed("card " + Card.reference(number) + " of person " + id + " " + status.token());
        return Result.applied(store.get(id).orElseThrow());
    }

    /** Deletes the person with every credential and template at once; their records keep room and method only. */
    public synchronized boolean delete(long id) {
        boolean deleted = store.delete(id);
        if (deleted) {
            if (enrolment != null && enrolment.personId() == id) {
                enrolment = null;
            }
            changed("person " + id + " deleted with their credentials");
        }
        return deleted;
    }

    // ---- fingerprints ----

    /** Waits for the person's finger at the fingerprint module for {@link #ENROLMENT_WINDOW}. */
    public synchronized Result<Enrolment> startEnrolment(long id, String label) {
        Violations v = new Violations();
        Optional<Person> p = store.get(id);
        v.check(p.isPresent(), "id", "there is no person " + id);
        String l = label == null ? "" : label.strip();
        v.check(!l.isEmpty() && l.length() <= 32, "label", "must be 1 to 32 characters, e.g. right index");
        v.check(p.map(x -> x.fingerprints().size() < 10).orElse(true), "label", "a person has at most 10 fingerprints");
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        enrolment = new Enrolment(id, l, clock.instant().plus(ENROLMENT_WINDOW));
        return Result.applied(enrolment);
    }

    /** The enrolment waiting for a finger now, if any. */
    public synchronized Optional<Enrolment> enrolment() {
        if (enrolment != null && clock.instant().isAfter(enrolment.until())) {
            enrolment = null;
        }
        return Optional.ofNullable(enrolment);
    }

    /**
     * The fingerprint module handed over a template while an enrolment waits: stores it for that person. Empty
     * when no enrolment waits (the finger is an unlock attempt then).
     */
    public synchronized Optional<Result<Fingerprint>> enrol(String template) {
        Optional<Enrolment> e = enrolment();
        if (e.isEmpty()) {
            return Optional.empty();
        }
        enrolment = null;
        return Optional.of(addFingerprint(e.get().personId(), e.get().label(), template));
    }

    /** Stores a template for a person (from the module, or an installer's import). */
    public synchronized Result<Fingerprint> addFingerprint(long id, String label, String template) {
        Violations v = new Violations();
        v.check(store.get(id).isPresent(), "id", "there is no person " + id);
        v.check(
                template != null && !template.isBlank() && template.length() <= 8192,
                "template",
                "the module handed over no template (1–8192 characters)");
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        String digest = digests.fingerprint(template);
        if (store.byFingerprint(digest).isPresent()) {
            return Result.rejected("template", "this finger is already enrolled");
        }
        Instant at = clock.instant();
        String l = label == null || label.isBlank() ? "finger" : label.strip();
        long fid = store.addFingerprint(id, l, template.strip(), digest, at);
        changed("fingerprint " + fid + " enrolled for person " + id);
        return Result.applied(new Fingerprint(fid, l, at));
    }

    public synchronized boolean removeFingerprint(long id, long fingerprintId) {
        boolean removed = store.removeFingerprint(id, fingerprintId);
        if (removed) {
            changed("fingerprint " + fingerprintId + " of person " + id + " removed");
        }
        return removed;
    }

    // ---- CSV import ----

    /**
     * Imports people and cards from the installer's CSV: {@code room,name,card,valid_from,valid_to} (a header line
     * is optional; rows with the same room and name are one person with several cards). The whole file is checked
     * first; with any bad row nothing is imported and every bad row is named ({@code line 17: …}).
     */
    public synchronized Result<Integer> importCsv(String text) {
        Csv.Parsed parsed = Csv.parse(text == null ? "" : text, MAX_IMPORT * Card.MAX_PER_PERSON);
        if (parsed.error().isPresent()) {
            return Result.rejected("file", parsed.error().get());
        }
        List<Csv.Row> rows = new ArrayList<>(parsed.rows());
        if (!rows.isEmpty() && rows.get(0).field(0).equalsIgnoreCase("room")) {
            rows.remove(0);
        }
        Map<String, List<Csv.Row>> byPerson = new java.util.LinkedHashMap<>();
        for (Csv.Row r : rows) {
            byPerson.computeIfAbsent(r.field(0) + "\u0000" + r.field(1), k -> new ArrayList<>())
                    .add(r);
        }
        List<FieldError> errors = new ArrayList<>();
        List<PeopleStore.PersonRow> people = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> fileLines = new HashMap<>();
        for (List<Csv.Row> group : byPerson.values()) {
            Csv.Row first = group.get(0);
            List<PersonForm.CardForm> cards = new ArrayList<>();
            for (Csv.Row r : group) {
                if (r.fields().size() > 5) {
                    errors.add(new FieldError(
                            "file", "line " + r.line() + ": more than 5 columns (room,name,card,valid_from,valid_to)"));
                }
                if (!r.field(2).isEmpty()) {
                    cards.add(new PersonForm.CardForm(r.field(2), "", r.field(3), r.field(4), ""));
                }
            }
            Violations v = new Violations();
            PeopleStore.PersonRow row = check(
                    v, 0, new PersonForm(first.field(0), first.field(1), "", null, null, cards), "", seen, fileLines);
            for (FieldError e : v.list()) {
                int line = cardLine(e.field(), group);
                errors.add(new FieldError("file", "line " + line + ": " + e.field() + " " + e.message()));
            }
            for (int i = 0; i < cards.size(); i++) {
                seen.add(digests.card(cards.get(i).number().strip()));
                fileLines.putIfAbsent(digests.card(cards.get(i).number().strip()), cardRowLine(i, group));
            }
            if (v.isEmpty()) {
                people.add(row);
            }
            if (errors.size() >= 100) {
                errors.add(new FieldError("file", "more errors not shown"));
                break;
            }
        }
        if (people.size() > MAX_IMPORT) {
            errors.add(new FieldError("file", "more than " + MAX_IMPORT + " people"));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(errors);
        }
        store.insertAll(people);
        changed(people.size() + " people imported from CSV");
        return Result.applied(people.size());
    }

    private static int cardLine(String field, List<Csv.Row> group) {
        if (field.startsWith("cards[")) {
            int i = Integer.parseInt(field.substring(6, field.indexOf(']')));
            return cardRowLine(i, group);
        }
        return group.get(0).line();
    }

    /** The line of the {@code i}-th card of a person's rows (rows without a card hold none). */
    private static int cardRowLine(int i, List<Csv.Row> group) {
        int n = -1;
        for (Csv.Row r : group) {
            if (!r.field(2).isEmpty() && ++n == i) {
                return r.line();
            }
        }
        return group.get(0).line();
    }

    // ---- the rules ----

    /**
     * Checks a form for person {@code id} (0: new); {@code otherDigests} are card digests taken by earlier rows of
     * the same import ({@code lines} says where). Returns the row to write when {@code v} stays empty.
     */
    private PeopleStore.PersonRow check(
            Violations v, long id, PersonForm f, String prefix, Set<String> otherDigests, Map<String, Integer> lines) {
        String room = f.room() == null ? "" : f.room().strip();
        if (!v.check(!room.isEmpty(), "room", "is required")) {
            // named already
        } else {
            v.check(rooms.get().contains(room), "room", "room " + room + " is not in Room No. Management");
        }
        String name = f.name() == null ? "" : f.name().strip();
        v.check(
                !name.isEmpty() && name.length() <= 64 && name.chars().noneMatch(Character::isISOControl),
                "name",
                "must be 1 to 64 characters without control characters");
        WeeklySchedule schedule = WeeklySchedule.ALWAYS;
        switch (WeeklySchedule.parse(f.schedule())) {
            case Result.Applied<WeeklySchedule> a -> schedule = a.value();
            case Result.Rejected<WeeklySchedule> r -> v.addAll(r.errors());
        }
        PeopleStore.PinUpdate pin = pin(v, id, "pin", f.pin(), false);
        PeopleStore.PinUpdate duress = pin(v, id, "duressPin", f.duressPin(), true);
        if (f.pin() != null && !f.pin().isEmpty() && f.pin().equals(f.duressPin())) {
            v.add("duressPin", "must differ from the PIN");
        }
        List<PeopleStore.CardRow> cards = cards(v, id, f.cards(), otherDigests, lines);
        return new PeopleStore.PersonRow(id, room, name, schedule, pin, duress, cards);
    }

    private PeopleStore.PinUpdate pin(Violations v, long id, String field, String value, boolean duress) {
        if (value == null) {
            return PeopleStore.PinUpdate.KEEP;
        }
        if (value.isEmpty()) {
            return PeopleStore.PinUpdate.CLEAR;
        }
        if (!v.check(value.matches("[0-9]{4,8}"), field, "must be 4 to 8 digits")) {
            return PeopleStore.PinUpdate.KEEP;
        }
        String digest = digests.pin(value);
        if (publicPassword.get().filter(digest::equals).isPresent()) {
            v.add(field, "is the public unlock password; choose another");
        } else {
            store.byPin(digest)
                    .filter(h -> h.person().id() != id || h.duress() != duress)
                    .ifPresent(h -> v.add(
                            field,
                            h.person().id() == id
                                    ? (duress ? "must differ from the PIN" : "must differ from the duress PIN")
                                    : "is already another person's PIN; choose another"));
        }
        return new PeopleStore.PinUpdate.Set(digest);
    }

    private List<PeopleStore.CardRow> cards(
            Violations v,
            long id,
            List<PersonForm.CardForm> forms,
            Set<String> otherDigests,
            Map<String, Integer> lines) {
        v.check(forms.size() <= Card.MAX_PER_PERSON, "cards", "a person has at most " + Card.MAX_PER_PERSON + " cards");
        List<PeopleStore.CardRow> rows = new ArrayList<>();
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            PersonForm.CardForm c = forms.get(i);
            String field = "cards[" + i + "]";
            String number = c.number() == null ? "" : c.number().strip();
            if (!v.check(Card.validNumber(number), field + ".number", "must be 1 to 20 digits")) {
                continue;
            }
            String digest = digests.card(number);
            if (!mine.add(digest)) {
                v.add(field + ".number", "card " + Card.reference(number) + " is listed twice");
            } else if (otherDigests.contains(digest)) {
                v.add(field + ".number", "card " + Card.reference(number) + " is already on line " + lines.get(digest));
            } else {
                store.holderOf(digest)
                        .filter(holder -> holder != id)
                        .ifPresent(holder -> v.add(
                                field + ".number", "card " + Card.reference(number) + " belongs to person " + holder));
            }
            Optional<Card.Kind> kind = blank(c.kind()) ? Optional.of(Card.Kind.NORMAL) : Card.kind(c.kind());
            v.check(kind.isPresent(), field + ".kind", "must be main or normal");
            Optional<Card.Status> status =
                    blank(c.status()) ? Optional.of(Card.Status.NORMAL) : Card.status(c.status());
            v.check(status.isPresent(), field + ".status", "must be normal, lost or frozen");
            Optional<Optional<LocalDate>> from = date(v, field + ".validFrom", c.validFrom());
            Optional<Optional<LocalDate>> to = date(v, field + ".validTo", c.validTo());
            if (from.isPresent()
                    && to.isPresent()
                    && from.get().isPresent()
                    && to.get().isPresent()) {
                v.check(
                        !to.get().get().isBefore(from.get().get()),
                        field + ".validTo",
                        "must not be before valid from");
            }
            if (kind.isPresent() && status.isPresent() && from.isPresent() && to.isPresent()) {
                rows.add(new PeopleStore.CardRow(
                        new Card(number, kind.get(), from.get(), to.get(), status.get()), digest));
            }
        }
        return rows;
    }

    private static Optional<Optional<LocalDate>> date(Violations v, String field, String text) {
        if (blank(text)) {
            return Optional.of(Optional.empty());
        }
        try {
            return Optional.of(Optional.of(LocalDate.parse(text.strip())));
        } catch (DateTimeParseException e) {
            v.add(field, "'" + text.strip() + "' is not a date like 2026-12-31");
            return Optional.empty();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void changed(String what) {
        Actor actor = Actor.current();
        bus.publish(new org.openvto.household.ConfigChanged("people", Set.of(), what, actor));
        bus.publish(new SecurityEvent.ConfigurationChanged(actor.username(), actor.source(), "people: " + what));
    }
}
