package org.openvto.storage.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.openvto.access.Card;
import org.openvto.access.Fingerprint;
import org.openvto.access.PeopleStore;
import org.openvto.access.Person;
import org.openvto.access.WeeklySchedule;
import org.openvto.validation.Result;

/**
 * {@link PeopleStore} on the {@code person} and {@code credential} tables. Every credential — card, PIN, duress
 * PIN, fingerprint — is one {@code credential} row found by its digest through the unique index
 * {@code credential_digest}: no credential can be held twice, and a write that would (a card already someone's, a
 * PIN equal to the same person's duress PIN) fails on that index and changes nothing. Card numbers and templates
 * are sealed with the device key by {@link SettingRows}; PINs are kept only as their digest. A lookup by digest is
 * one query returning the person with every credential. Thread-safe.
 */
public final class JdbcPeopleStore implements PeopleStore {
    private static final int BATCH = 1_000;
    private static final String CARD = "card";
    private static final String PIN = "pin";
    private static final String DURESS_PIN = "duress-pin";
    private static final String FINGERPRINT = "fingerprint";
    private static final String INSERT_PERSON =
            "INSERT INTO person (room, name, schedule) VALUES (:room, :name, :schedule)";
    private static final String INSERT_CREDENTIAL = """
            INSERT INTO credential (person_id, kind, digest, secret, card_kind, card_status, valid_from, valid_to,
              label, enrolled_at)
            VALUES (:person, :kind, :digest, :secret, :cardKind, :cardStatus, :validFrom, :validTo, :label, :enrolled)""";
    /** A person with all their credentials, one row per credential (one row of NULLs when none). */
    private static final String PERSON_COLUMNS = "SELECT p.id AS p_id, p.room, p.name, p.schedule, c.id AS c_id,"
            + " c.kind, c.secret, c.card_kind, c.card_status, c.valid_from, c.valid_to, c.label, c.enrolled_at";

    private static final String BY_DIGEST = PERSON_COLUMNS + ", m.id AS match_id FROM credential m"
            + " JOIN person p ON p.id = m.person_id JOIN credential c ON c.person_id = p.id"
            + " WHERE m.digest = :digest AND m.kind IN (<kinds>) ORDER BY c.id";
    private static final String PAGE_FILTER =
            " WHERE (:q = '' OR LOWER(room) LIKE :prefix ESCAPE '!' OR LOWER(name) LIKE :prefix ESCAPE '!')";
    private static final String ORDER = " ORDER BY LENGTH(room), room, name, id";

    private final Jdbi jdbi;
    private final SettingRows sealing;
    private final boolean batchKeys;

    /** @param batchKeys the driver returns the generated ids of a JDBC batch (PostgreSQL's does, SQLite's not) */
    public JdbcPeopleStore(Jdbi jdbi, SettingRows sealing, boolean batchKeys) {
        this.jdbi = jdbi;
        this.sealing = sealing;
        this.batchKeys = batchKeys;
    }

    @Override
    public long insert(PersonRow person) {
        return jdbi.inTransaction(h -> {
            var cards = h.prepareBatch(INSERT_CREDENTIAL);
            long id = insert(h, person, cards);
            execute(cards);
            return id;
        });
    }

    /**
     * One transaction; credentials go in JDBC batches of {@value #BATCH}, and so do the people where the driver
     * returns the ids of a batch (PostgreSQL; SQLite inserts them one by one, in process).
     */
    @Override
    public void insertAll(List<PersonRow> people) {
        people.forEach(JdbcPeopleStore::checkCards);
        jdbi.useTransaction(h -> {
            for (int from = 0; from < people.size(); from += BATCH) {
                List<PersonRow> chunk = people.subList(from, Math.min(people.size(), from + BATCH));
                List<Long> ids = batchKeys ? insertPeople(h, chunk) : null;
                PreparedBatch credentials = h.prepareBatch(INSERT_CREDENTIAL);
                for (int i = 0; i < chunk.size(); i++) {
                    PersonRow p = chunk.get(i);
                    addCredentials(credentials, ids == null ? insertPerson(h, p) : ids.get(i), p);
                }
                execute(credentials);
            }
        });
    }

    private long insert(Handle h, PersonRow p, PreparedBatch credentials) {
        checkCards(p);
        long id = insertPerson(h, p);
        addCredentials(credentials, id, p);
        return id;
    }

    private static long insertPerson(Handle h, PersonRow p) {
        return h.createUpdate(INSERT_PERSON)
                .bind("room", p.room())
                .bind("name", p.name())
                .bind("schedule", p.schedule().toString())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** The ids in the order of {@code people}. */
    private static List<Long> insertPeople(Handle h, List<PersonRow> people) {
        PreparedBatch batch = h.prepareBatch(INSERT_PERSON);
        for (PersonRow p : people) {
            batch.bind("room", p.room())
                    .bind("name", p.name())
                    .bind("schedule", p.schedule().toString())
                    .add();
        }
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != people.size()) {
            throw new IllegalStateException(
                    "the driver returned " + ids.size() + " ids for " + people.size() + " rows");
        }
        return ids;
    }

    /** A new person's cards and PINs into {@code credentials} (executed by the caller). */
    private void addCredentials(PreparedBatch credentials, long id, PersonRow p) {
        addCards(credentials, id, p.cards());
        if (p.pin() instanceof PinUpdate.Set set) {
            addPin(credentials, id, PIN, set.digest());
        }
        if (p.duressPin() instanceof PinUpdate.Set set) {
            addPin(credentials, id, DURESS_PIN, set.digest());
        }
    }

    @Override
    public boolean update(PersonRow p) {
        checkCards(p);
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate(
                            "UPDATE person SET room = :room, name = :name, schedule = :schedule WHERE id = :id")
                    .bind("id", p.id())
                    .bind("room", p.room())
                    .bind("name", p.name())
                    .bind("schedule", p.schedule().toString())
                    .execute();
            if (rows == 0) {
                return false;
            }
            deleteCredentials(h, p.id(), CARD);
            if (!(p.pin() instanceof PinUpdate.Keep)) {
                deleteCredentials(h, p.id(), PIN);
            }
            if (!(p.duressPin() instanceof PinUpdate.Keep)) {
                deleteCredentials(h, p.id(), DURESS_PIN);
            }
            PreparedBatch credentials = h.prepareBatch(INSERT_CREDENTIAL);
            addCards(credentials, p.id(), p.cards());
            if (p.pin() instanceof PinUpdate.Set set) {
                addPin(credentials, p.id(), PIN, set.digest());
            }
            if (p.duressPin() instanceof PinUpdate.Set set) {
                addPin(credentials, p.id(), DURESS_PIN, set.digest());
            }
            execute(credentials);
            return true;
        });
    }

    @Override
    public boolean delete(long id) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM credential WHERE person_id = :id")
                    .bind("id", id)
                    .execute();
            h.createUpdate("UPDATE unlock_record SET person = '', person_id = 0 WHERE person_id = :id")
                    .bind("id", id)
                    .execute();
            return h.createUpdate("DELETE FROM person WHERE id = :id")
                            .bind("id", id)
                            .execute()
                    > 0;
        });
    }

    @Override
    public Optional<Person> get(long id) {
        return jdbi.withHandle(h -> people(h.createQuery(PERSON_COLUMNS
                                + " FROM person p LEFT JOIN credential c ON c.person_id = p.id WHERE p.id = :id"
                                + " ORDER BY c.id")
                        .bind("id", id))
                .stream()
                .findFirst());
    }

    @Override
    public List<Person> page(String query, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbi.withHandle(h -> people(filter(
                        h.createQuery(PERSON_COLUMNS + " FROM (SELECT * FROM person" + PAGE_FILTER + ORDER
                                + " LIMIT :limit OFFSET :offset) p LEFT JOIN credential c ON c.person_id = p.id"
                                + " ORDER BY LENGTH(p.room), p.room, p.name, p.id, c.id"),
                        query)
                .bind("limit", limit)
                .bind("offset", Math.max(0, offset))));
    }

    @Override
    public long count(String query) {
        return jdbi.withHandle(h -> filter(h.createQuery("SELECT COUNT(*) FROM person" + PAGE_FILTER), query)
                .mapTo(Long.class)
                .one());
    }

    @Override
    public Optional<CardHolder> byCard(String digest) {
        return jdbi.withHandle(h -> {
            Holder found = byDigest(h, digest, CARD);
            if (found == null) {
                return Optional.empty();
            }
            return Optional.of(new CardHolder(found.person(), found.matched().card()));
        });
    }

    @Override
    public Optional<Person> byFingerprint(String digest) {
        return jdbi.withHandle(
                h -> Optional.ofNullable(byDigest(h, digest, FINGERPRINT)).map(Holder::person));
    }

    @Override
    public Optional<PinHolder> byPin(String digest) {
        return jdbi.withHandle(h -> Optional.ofNullable(byDigest(h, digest, PIN, DURESS_PIN))
                .map(found -> new PinHolder(
                        found.person(), DURESS_PIN.equals(found.matched().kind()))));
    }

    /** Any credential, fingerprints included: the unique index holds them all. */
    @Override
    public Optional<Long> holderOf(String digest) {
        return jdbi.withHandle(h -> h.createQuery("SELECT person_id FROM credential WHERE digest = :d")
                .bind("d", digest)
                .mapTo(Long.class)
                .findOne());
    }

    @Override
    public long addFingerprint(long personId, String label, String template, String digest, Instant at) {
        return jdbi.inTransaction(h -> h.createUpdate(INSERT_CREDENTIAL)
                .bind("person", personId)
                .bind("kind", FINGERPRINT)
                .bind("digest", digest)
                .bind("secret", sealing.seal(template))
                .bind("cardKind", (String) null)
                .bind("cardStatus", (String) null)
                .bind("validFrom", (String) null)
                .bind("validTo", (String) null)
                .bind("label", JdbcRecordStore.truncate(label, 64))
                .bind("enrolled", at.toEpochMilli())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public boolean removeFingerprint(long personId, long fingerprintId) {
        return jdbi.withHandle(
                        h -> h.createUpdate("DELETE FROM credential WHERE id = :id AND person_id = :p AND kind = :kind")
                                .bind("id", fingerprintId)
                                .bind("p", personId)
                                .bind("kind", FINGERPRINT)
                                .execute())
                > 0;
    }

    private static void checkCards(PersonRow p) {
        if (p.cards().size() > Card.MAX_PER_PERSON) {
            throw new IllegalArgumentException("at most " + Card.MAX_PER_PERSON + " cards per person (was "
                    + p.cards().size() + ")");
        }
    }

    private void addCards(PreparedBatch batch, long personId, List<CardRow> cards) {
        for (CardRow row : cards) {
            Card c = row.card();
            batch.bind("person", personId)
                    .bind("kind", CARD)
                    .bind("digest", row.digest())
                    .bind("secret", sealing.seal(c.number()))
                    .bind("cardKind", c.kind().token())
                    .bind("cardStatus", c.status().token())
                    .bind("validFrom", c.validFrom().map(LocalDate::toString).orElse(null))
                    .bind("validTo", c.validTo().map(LocalDate::toString).orElse(null))
                    .bind("label", (String) null)
                    .bind("enrolled", (Long) null)
                    .add();
        }
    }

    private static void addPin(PreparedBatch batch, long personId, String kind, String digest) {
        batch.bind("person", personId)
                .bind("kind", kind)
                .bind("digest", digest)
                .bind("secret", (String) null)
                .bind("cardKind", (String) null)
                .bind("cardStatus", (String) null)
                .bind("validFrom", (String) null)
                .bind("validTo", (String) null)
                .bind("label", (String) null)
                .bind("enrolled", (Long) null)
                .add();
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static void deleteCredentials(Handle h, long personId, String kind) {
        h.createUpdate("DELETE FROM credential WHERE person_id = :p AND kind = :kind")
                .bind("p", personId)
                .bind("kind", kind)
                .execute();
    }

    /** A person found by one of their credentials, and that credential. */
    private record Holder(Person person, CredentialRow matched) {}

    private Holder byDigest(Handle h, String digest, String... kinds) {
        List<Row> rows = h.createQuery(BY_DIGEST)
                .bind("digest", digest)
                .bindList("kinds", List.of(kinds))
                .map((rs, ctx) -> row(rs, rs.getLong("match_id")))
                .list();
        if (rows.isEmpty()) {
            return null;
        }
        CredentialRow matched = rows.stream()
                .map(Row::credential)
                .filter(c -> c.id() == rows.get(0).matchId())
                .findFirst()
                .orElseThrow();
        return new Holder(group(rows).get(0), matched);
    }

    private List<Person> people(Query q) {
        return group(q.map((rs, ctx) -> row(rs, 0)).list());
    }

    /** One row of a person-with-credentials query; cards are opened here. */
    private record Row(
            long personId, String room, String name, String schedule, CredentialRow credential, long matchId) {}

    /** One credential as stored; {@code card} only for cards, {@code fingerprint} only for fingerprints. */
    private record CredentialRow(long id, String kind, Card card, Fingerprint fingerprint) {}

    private Row row(java.sql.ResultSet rs, long matchId) throws java.sql.SQLException {
        long credentialId = rs.getLong("c_id");
        CredentialRow credential = null;
        if (!rs.wasNull()) {
            String kind = rs.getString("kind");
            Card card = null;
            Fingerprint fingerprint = null;
            if (CARD.equals(kind)) {
                String cardKind = rs.getString("card_kind");
                String status = rs.getString("card_status");
                card = new Card(
                        sealing.open(rs.getString("secret")),
                        Card.kind(cardKind).orElseThrow(() -> JdbcRecordStore.unknown("card kind", cardKind)),
                        date(rs.getString("valid_from")),
                        date(rs.getString("valid_to")),
                        Card.status(status).orElseThrow(() -> JdbcRecordStore.unknown("card status", status)));
            } else if (FINGERPRINT.equals(kind)) {
                fingerprint = new Fingerprint(
                        credentialId, rs.getString("label"), Instant.ofEpochMilli(rs.getLong("enrolled_at")));
            }
            credential = new CredentialRow(credentialId, kind, card, fingerprint);
        }
        return new Row(
                rs.getLong("p_id"),
                rs.getString("room"),
                rs.getString("name"),
                rs.getString("schedule"),
                credential,
                matchId);
    }

    /** Rows to people, in the order of their first row. */
    private static List<Person> group(List<Row> rows) {
        Map<Long, List<Row>> byPerson = new LinkedHashMap<>();
        rows.forEach(r ->
                byPerson.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r));
        List<Person> out = new ArrayList<>(byPerson.size());
        for (List<Row> own : byPerson.values()) {
            Row first = own.get(0);
            List<Card> cards = new ArrayList<>();
            List<Fingerprint> fingerprints = new ArrayList<>();
            boolean pin = false;
            boolean duress = false;
            for (Row r : own) {
                CredentialRow c = r.credential();
                if (c == null) {
                    continue;
                }
                switch (c.kind()) {
                    case CARD -> cards.add(c.card());
                    case FINGERPRINT -> fingerprints.add(c.fingerprint());
                    case PIN -> pin = true;
                    case DURESS_PIN -> duress = true;
                    default -> throw JdbcRecordStore.unknown("credential kind", c.kind());
                }
            }
            out.add(new Person(
                    first.personId(),
                    first.room(),
                    first.name(),
                    schedule(first.schedule()),
                    pin,
                    duress,
                    cards,
                    fingerprints));
        }
        return out;
    }

    private static WeeklySchedule schedule(String text) {
        return switch (WeeklySchedule.parse(text)) {
            case Result.Applied<WeeklySchedule> a -> a.value();
            case Result.Rejected<WeeklySchedule> r ->
                throw new IllegalStateException("stored schedule '" + text + "' does not parse: " + r.errors());
        };
    }

    private static Optional<LocalDate> date(String iso) {
        return iso == null ? Optional.empty() : Optional.of(LocalDate.parse(iso));
    }

    private static Query filter(Query q, String query) {
        String text = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return q.bind("q", text).bind("prefix", escaped + "%");
    }
}
