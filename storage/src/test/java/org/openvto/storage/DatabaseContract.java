package org.openvto.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvto.access.Card;
import org.openvto.access.CredentialDigests;
import org.openvto.access.Fingerprint;
import org.openvto.access.PeopleStore;
import org.openvto.access.PeopleStore.CardRow;
import org.openvto.access.PeopleStore.PersonRow;
import org.openvto.access.PeopleStore.PinUpdate;
import org.openvto.access.Person;
import org.openvto.access.Refusal;
import org.openvto.access.UnlockMethod;
import org.openvto.access.WeeklySchedule;
import org.openvto.alarm.Alarm;
import org.openvto.alarm.AlarmState;
import org.openvto.alarm.AlarmType;
import org.openvto.centre.OutboxMessage;
import org.openvto.device.SettingKey;
import org.openvto.records.CallRecord;
import org.openvto.records.RecordFilter;
import org.openvto.records.UnlockRecord;
import org.openvto.security.Account;
import org.openvto.security.AccountGroup;
import org.openvto.security.LoginLockStore;
import org.openvto.security.SecretCipher;
import org.openvto.security.SecurityLogEntry;
import org.openvto.validation.Result;

/** The behaviour every database vendor must show; one subclass per vendor. */
abstract class DatabaseContract {
    protected Database db;

    protected abstract Database openFresh() throws Exception;

    /** A plain JDBC connection to the same database, to look at raw columns and to fill tables fast. */
    protected abstract Connection raw() throws SQLException;

    @BeforeEach
    void open() throws Exception {
        db = openFresh();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void migratesToTheCurrentSchema() {
        assertThat(db.schemaVersion()).isEqualTo("6");
        assertThat(db.healthy()).isTrue();
    }

    @Test
    void sipBindingsAreReplacedPerUserInOneBatchAndKeepTheirRegisterTransaction() {
        var store = db.sipBindings();
        Instant exp = Instant.parse("2026-11-27T10:00:00Z");
        var a1 = new org.openvto.sip.registrar.Binding(
                "101#0",
                "sip:101%230@10.0.0.2:5060",
                "10.0.0.2:5060",
                "UDP",
                "VTH",
                "call-1",
                1,
                exp,
                "z9hG4bK1|10.0.0.2:5060|REGISTER");
        var a2 = new org.openvto.sip.registrar.Binding(
                "101#0", "sip:101%230@10.0.0.3:5060", "10.0.0.3:5060", "UDP", null, "call-2", 7, exp, null);
        var b = new org.openvto.sip.registrar.Binding(
                "102#0",
                "sip:102%230@10.0.0.4:5060",
                "10.0.0.4:5060",
                "TCP",
                "VTH",
                "call-3",
                2,
                exp,
                "z9hG4bK3|10.0.0.4:5060|REGISTER");
        store.replaceAll(Map.of("101#0", List.of(a1, a2), "102#0", List.of(b)));
        var a1Later = new org.openvto.sip.registrar.Binding(
                "101#0",
                a1.contact(),
                a1.source(),
                "UDP",
                "VTH",
                "call-1",
                2,
                exp.plusSeconds(60),
                "z9hG4bK9|10.0.0.2:5060|REGISTER");
        store.replaceAll(Map.of("101#0", List.of(a1Later), "103#0", List.of()));
        assertThat(store.loadAll()).containsExactlyInAnyOrder(a1Later, b);
    }

    private static final SecretCipher CIPHER = new SecretCipher(new byte[32]);

    @Test
    void settingsAreUpsertedAtomicallyAndPutIfAbsentKeepsTheFirstValue() {
        var settings = db.settings(CIPHER);
        SettingKey a = SettingKey.plain("test.a");
        SettingKey b = SettingKey.plain("test.b");
        SettingKey s = SettingKey.plain("test.s");
        settings.putAll(Map.of(a, "1", b, "2"));
        settings.putAll(Map.of(a, "3"));
        assertThat(settings.get(a)).contains("3");
        assertThat(settings.get(b)).contains("2");
        assertThat(settings.putIfAbsent(s, "first")).isEqualTo("first");
        assertThat(settings.putIfAbsent(s, "second")).isEqualTo("first");
        assertThat(settings.get(SettingKey.plain("test.missing"))).isEmpty();
    }

    @Test
    void secretSettingsAreSealedAtRestAndOpenedOnRead() {
        var settings = db.settings(CIPHER);
        SettingKey secret = SettingKey.secret("test.password");
        settings.putAll(Map.of(secret, "hunter2"));
        assertThat(settings.get(secret)).contains("hunter2");
        // the row itself, read as if it were a plain setting, holds the sealed form only
        String stored = settings.get(SettingKey.plain("test.password")).orElseThrow();
        assertThat(stored).doesNotContain("hunter2");
        assertThat(CIPHER.decrypt(stored)).isEqualTo("hunter2");
        assertThat(settings.putIfAbsent(SettingKey.secret("test.key"), "k1")).isEqualTo("k1");
        assertThat(settings.get(SettingKey.plain("test.key")).orElseThrow()).isNotEqualTo("k1");
    }

    @Test
    void accountsInsertOnceAndUpdatePasswords() {
        var accounts = db.accounts();
        Instant t = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(accounts.anyAdministrator()).isFalse();
        var admin = new Account("admin", AccountGroup.ADMIN, "h1", "s1", "a@b.example", t, t);
        assertThat(accounts.insert(admin)).isTrue();
        assertThat(accounts.insert(admin)).isFalse();
        assertThat(accounts.anyAdministrator()).isTrue();
        assertThat(accounts.updatePassword("admin", "h2", "s2", t.plusSeconds(5)))
                .isTrue();
        assertThat(accounts.find("admin")).get().satisfies(a -> {
            assertThat(a.passwordHash()).isEqualTo("h2");
            assertThat(a.email()).isEqualTo("a@b.example");
            assertThat(a.passwordChangedAt()).isEqualTo(t.plusSeconds(5));
        });
        assertThat(accounts.updatePassword("nobody", "h", "s", t)).isFalse();
    }

    @Test
    void concurrentFailuresAreAllCountedAndLock() throws Exception {
        LoginLockStore locks = db.loginLocks();
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<LoginLockStore.LockState>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> locks.recordFailure("ip:1.2.3.4", now, 5, Duration.ofMinutes(30))));
        }
        for (var r : results) {
            r.get();
        }
        pool.shutdown();
        assertThat(locks.get("ip:1.2.3.4").failures()).isEqualTo(4);
        var locked = locks.recordFailure("ip:1.2.3.4", now, 5, Duration.ofMinutes(30));
        assertThat(locked.lockedAt(now.plusSeconds(60))).isTrue();
        assertThat(locked.lockedAt(now.plus(Duration.ofMinutes(31)))).isFalse();
        var afterExpiry =
                locks.recordFailure("ip:1.2.3.4", now.plus(Duration.ofMinutes(31)), 5, Duration.ofMinutes(30));
        assertThat(afterExpiry).isEqualTo(new LoginLockStore.LockState(1, null));
        locks.clear("ip:1.2.3.4");
        assertThat(locks.get("ip:1.2.3.4")).isEqualTo(LoginLockStore.LockState.NONE);
    }

    @Test
    void securityLogListsNewestFirst() {
        var log = db.securityLog();
        for (int i = 0; i < 3; i++) {
            log.append(new SecurityLogEntry(
                    0, Instant.ofEpochMilli(1000L * i), "login/failed", "admin", "10.0.0." + i, "x".repeat(600)));
        }
        assertThat(log.count()).isEqualTo(3);
        assertThat(log.newest(0, 2)).extracting(SecurityLogEntry::source).containsExactly("10.0.0.2", "10.0.0.1");
        assertThat(log.newest(2, 10)).extracting(SecurityLogEntry::source).containsExactly("10.0.0.0");
        assertThat(log.newest(0, 1).get(0).detail()).hasSize(500);
    }

    // ---------------------------------------------------------------- people and their credentials

    private static final CredentialDigests DIGESTS = new CredentialDigests(new byte[32]);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static Card card(String number) {
        return new Card(number, Card.Kind.NORMAL, Optional.empty(), Optional.empty(), Card.Status.NORMAL);
    }

    private static PersonRow person(String room, String name, List<String> cards, String pin, String duress) {
        return new PersonRow(
                0,
                room,
                name,
                WeeklySchedule.ALWAYS,
                pin == null ? PinUpdate.KEEP : new PinUpdate.Set(DIGESTS.pin(pin)),
                duress == null ? PinUpdate.KEEP : new PinUpdate.Set(DIGESTS.pin(duress)),
                cards.stream().map(n -> new CardRow(card(n), DIGESTS.card(n))).toList());
    }

    private static WeeklySchedule schedule(String text) {
        return ((Result.Applied<WeeklySchedule>) WeeklySchedule.parse(text)).value();
    }

    private List<String> rawColumn(String sql) throws SQLException {
        try (Connection c = raw();
                var st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** The write failed on the unique index of credential digests (each vendor words it its own way). */
    private static void assertHeldTwice(org.assertj.core.api.ThrowableAssert.ThrowingCallable write) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(write);
        assertThat(thrown).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                messages.append(sql.getNextException().getMessage()).append('\n');
            }
        }
        assertThat(messages.toString())
                .containsAnyOf("credential_digest", "credential.digest", "credential_one_pin", "credential.person_id");
    }

    @Test
    void aPersonIsStoredWithCardsAndPinsAndFoundByEachDigest() {
        var people = db.people(CIPHER);
        Card main = new Card(
                "12345678",
                Card.Kind.MAIN,
                Optional.of(LocalDate.parse("2026-01-01")),
                Optional.of(LocalDate.parse("2026-12-31")),
                Card.Status.NORMAL);
        WeeklySchedule week = schedule("mon-fri 07:00-19:00, 21:00-22:00; sat 09:00-13:00; holidays 2026-12-25");
        long id = people.insert(new PersonRow(
                0,
                "101",
                "Anna Muster",
                week,
                new PinUpdate.Set(DIGESTS.pin("2580")),
                new PinUpdate.Set(DIGESTS.pin("9999")),
                List.of(
                        new CardRow(main, DIGESTS.card("12345678")),
                        new CardRow(card("87654321").withStatus(Card.Status.LOST), DIGESTS.card("87654321")))));

        Person anna = people.get(id).orElseThrow();
        assertThat(anna.id()).isEqualTo(id);
        assertThat(anna.room()).isEqualTo("101");
        assertThat(anna.name()).isEqualTo("Anna Muster");
        assertThat(anna.schedule()).isEqualTo(week);
        assertThat(anna.hasPin()).isTrue();
        assertThat(anna.hasDuressPin()).isTrue();
        assertThat(anna.cards()).containsExactly(main, card("87654321").withStatus(Card.Status.LOST));
        assertThat(anna.fingerprints()).isEmpty();

        assertThat(people.byCard(DIGESTS.card("87654321"))).hasValueSatisfying(h -> {
            assertThat(h.person()).isEqualTo(anna);
            assertThat(h.card().number()).isEqualTo("87654321");
            assertThat(h.card().status()).isEqualTo(Card.Status.LOST);
        });
        assertThat(people.byPin(DIGESTS.pin("2580"))).contains(new PeopleStore.PinHolder(anna, false));
        assertThat(people.byPin(DIGESTS.pin("9999"))).contains(new PeopleStore.PinHolder(anna, true));
        for (String d : List.of(DIGESTS.card("12345678"), DIGESTS.pin("2580"), DIGESTS.pin("9999"))) {
            assertThat(people.holderOf(d)).contains(id);
        }
        // a digest of one kind does not find a credential of another
        assertThat(people.byPin(DIGESTS.card("12345678"))).isEmpty();
        assertThat(people.byCard(DIGESTS.pin("2580"))).isEmpty();
        assertThat(people.byFingerprint(DIGESTS.card("12345678"))).isEmpty();
        assertThat(people.byCard(DIGESTS.card("11111111"))).isEmpty();
        assertThat(people.holderOf(DIGESTS.pin("0000"))).isEmpty();
        assertThat(people.get(id + 1)).isEmpty();
    }

    @Test
    void cardNumbersAndTemplatesAreOnlySealedAtRestAndPinsOnlyDigests() throws Exception {
        var people = db.people(CIPHER);
        long id = people.insert(person("101", "Anna", List.of("31415926535897932384"), "24680", null));
        people.addFingerprint(id, "right index", "TEMPLATE-ridge-map-0042", DIGESTS.fingerprint("t"), T0);

        List<String> stored = rawColumn("SELECT secret FROM credential WHERE secret IS NOT NULL ORDER BY id");
        assertThat(stored).hasSize(2);
        assertThat(stored).noneMatch(v -> v.contains("31415926535897932384") || v.contains("TEMPLATE"));
        assertThat(CIPHER.decrypt(stored.get(0))).isEqualTo("31415926535897932384");
        assertThat(CIPHER.decrypt(stored.get(1))).isEqualTo("TEMPLATE-ridge-map-0042");
        // the PIN is its keyed digest only, nothing sealed
        assertThat(rawColumn("SELECT digest FROM credential WHERE kind = 'pin' AND secret IS NULL"))
                .containsExactly(DIGESTS.pin("24680"));
        assertThat(rawColumn("SELECT digest FROM credential")).noneMatch(d -> d.contains("24680"));
    }

    @Test
    void aCredentialHeldByAnyoneIsRefusedByTheUniqueIndexAndChangesNothing() throws Exception {
        var people = db.people(CIPHER);
        long anna = people.insert(person("101", "Anna", List.of("1001"), "1234", "4321"));
        Person before = people.get(anna).orElseThrow();

        // another person with Anna's card, or with her PIN as their duress PIN
        assertHeldTwice(() -> people.insert(person("102", "Ben", List.of("2002", "1001"), null, null)));
        assertHeldTwice(() -> people.insert(person("102", "Ben", List.of("2002"), null, "1234")));
        // one person whose PIN and duress PIN are the same
        assertHeldTwice(() -> people.insert(person("103", "Cleo", List.of(), "5555", "5555")));
        assertThat(people.count("")).isEqualTo(1);
        assertThat(people.holderOf(DIGESTS.card("2002"))).isEmpty();
        assertThat(rawColumn("SELECT COUNT(*) FROM credential")).containsExactly("3");

        long ben = people.insert(person("102", "Ben", List.of("2002"), null, null));
        // Anna may not take Ben's card, nor her own duress PIN as her PIN: the update changes nothing
        PersonRow takesBensCard = new PersonRow(
                anna,
                "101",
                "Anna Renamed",
                WeeklySchedule.ALWAYS,
                PinUpdate.CLEAR,
                PinUpdate.KEEP,
                List.of(new CardRow(card("2002"), DIGESTS.card("2002"))));
        assertHeldTwice(() -> people.update(takesBensCard));
        PersonRow pinEqualsDuress = new PersonRow(
                anna,
                "101",
                "Anna Renamed",
                WeeklySchedule.ALWAYS,
                new PinUpdate.Set(DIGESTS.pin("4321")),
                PinUpdate.KEEP,
                List.of());
        assertHeldTwice(() -> people.update(pinEqualsDuress));
        assertThat(people.get(anna)).contains(before);
        assertThat(people.holderOf(DIGESTS.card("2002"))).contains(ben);

        // the index itself, below the store
        try (Connection c = raw();
                var st = c.prepareStatement(
                        "INSERT INTO credential (person_id, kind, digest) VALUES (?, 'fingerprint', ?)")) {
            st.setLong(1, ben);
            st.setString(2, DIGESTS.card("1001"));
            assertThatThrownBy(st::executeUpdate).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void insertAllStoresEveryoneOrNobody() {
        var people = db.people(CIPHER);
        List<PersonRow> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(person(String.valueOf(100 + i / 10), "Person " + i, List.of("70000" + i), "1" + i, null));
        }
        List<PersonRow> broken = new ArrayList<>(rows);
        // the 5,000th row also holds the first row's card
        broken.set(4_999, person("599", "Duplicate", List.of("99999", "700000"), null, null));
        assertHeldTwice(() -> people.insertAll(broken));
        assertThat(people.count("")).isZero();
        assertThat(people.holderOf(DIGESTS.card("700000"))).isEmpty();
        assertThat(people.holderOf(DIGESTS.pin("10"))).isEmpty();

        people.insertAll(rows);
        assertThat(people.count("")).isEqualTo(5_000);
        assertThat(people.byCard(DIGESTS.card("700004999")))
                .hasValueSatisfying(h -> assertThat(h.person().name()).isEqualTo("Person 4999"));
        assertThat(people.byPin(DIGESTS.pin("12345")))
                .hasValueSatisfying(h -> assertThat(h.person().name()).isEqualTo("Person 2345"));
    }

    @Test
    void updateReplacesFieldsAndCardsKeepsFingerprintsAndTreatsPinsAsAsked() {
        var people = db.people(CIPHER);
        long id = people.insert(person("101", "Anna", List.of("1001", "1002"), "1234", "4321"));
        long finger = people.addFingerprint(id, "left thumb", "template-1", DIGESTS.fingerprint("template-1"), T0);
        WeeklySchedule weekdays = schedule("mon-fri 08:00-18:00");

        assertThat(people.update(new PersonRow(
                        id,
                        "102",
                        "Anna Neu",
                        weekdays,
                        PinUpdate.KEEP,
                        PinUpdate.CLEAR,
                        List.of(
                                new CardRow(card("1002"), DIGESTS.card("1002")),
                                new CardRow(card("1003"), DIGESTS.card("1003"))))))
                .isTrue();
        Person p = people.get(id).orElseThrow();
        assertThat(p.room()).isEqualTo("102");
        assertThat(p.name()).isEqualTo("Anna Neu");
        assertThat(p.schedule()).isEqualTo(weekdays);
        assertThat(p.cards()).extracting(Card::number).containsExactly("1002", "1003");
        assertThat(p.hasPin()).isTrue();
        assertThat(p.hasDuressPin()).isFalse();
        assertThat(p.fingerprints()).containsExactly(new Fingerprint(finger, "left thumb", T0));
        assertThat(people.byCard(DIGESTS.card("1001"))).isEmpty();
        assertThat(people.byPin(DIGESTS.pin("1234"))).isPresent();
        assertThat(people.holderOf(DIGESTS.pin("4321"))).isEmpty();

        people.update(new PersonRow(
                id, "102", "Anna Neu", weekdays, new PinUpdate.Set(DIGESTS.pin("7777")), PinUpdate.KEEP, List.of()));
        assertThat(people.byPin(DIGESTS.pin("1234"))).isEmpty();
        assertThat(people.byPin(DIGESTS.pin("7777")))
                .hasValueSatisfying(h -> assertThat(h.person().cards()).isEmpty());

        assertThat(people.update(new PersonRow(id + 99, "1", "x", weekdays, PinUpdate.KEEP, PinUpdate.KEEP, List.of())))
                .isFalse();
        assertThat(people.count("")).isEqualTo(1);
        List<CardRow> six = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> new CardRow(card("55" + i), DIGESTS.card("55" + i)))
                .toList();
        assertThatThrownBy(
                        () -> people.insert(new PersonRow(0, "1", "x", weekdays, PinUpdate.KEEP, PinUpdate.KEEP, six)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintsAreEnrolledFoundAndRemoved() {
        var people = db.people(CIPHER);
        long anna = people.insert(person("101", "Anna", List.of("1001"), null, null));
        long ben = people.insert(person("102", "Ben", List.of(), null, null));
        long f1 = people.addFingerprint(anna, "right index", "tpl-a", DIGESTS.fingerprint("tpl-a"), T0);
        long f2 = people.addFingerprint(anna, "left index", "tpl-b", DIGESTS.fingerprint("tpl-b"), T0.plusSeconds(5));
        assertThat(people.byFingerprint(DIGESTS.fingerprint("tpl-b"))).hasValueSatisfying(p -> {
            assertThat(p.id()).isEqualTo(anna);
            assertThat(p.cards()).extracting(Card::number).containsExactly("1001");
            assertThat(p.fingerprints())
                    .containsExactly(
                            new Fingerprint(f1, "right index", T0),
                            new Fingerprint(f2, "left index", T0.plusSeconds(5)));
        });
        // the same finger cannot be enrolled for someone else
        assertHeldTwice(() -> people.addFingerprint(ben, "x", "tpl-a", DIGESTS.fingerprint("tpl-a"), T0));
        assertThat(people.get(ben).orElseThrow().fingerprints()).isEmpty();

        assertThat(people.removeFingerprint(ben, f1)).isFalse();
        assertThat(people.removeFingerprint(anna, f1)).isTrue();
        assertThat(people.removeFingerprint(anna, f1)).isFalse();
        assertThat(people.byFingerprint(DIGESTS.fingerprint("tpl-a"))).isEmpty();
        assertThat(people.get(anna).orElseThrow().fingerprints())
                .extracting(Fingerprint::id)
                .containsExactly(f2);
    }

    @Test
    void pageAndCountFindPeopleByRoomOrNamePrefixInRoomOrder() {
        var people = db.people(CIPHER);
        people.insert(person("1001", "Zoe", List.of("1"), null, null));
        people.insert(person("102", "anna", List.of(), "1111", null));
        people.insert(person("101", "Ben", List.of("2", "3"), null, null));
        people.insert(person("101", "Anton", List.of(), null, null));
        people.insert(person("201", "Berta_1", List.of(), null, null));

        assertThat(people.page("", 0, 10))
                .extracting(Person::name)
                .containsExactly("Anton", "Ben", "anna", "Berta_1", "Zoe");
        assertThat(people.page("10", 0, 10)).extracting(Person::name).containsExactly("Anton", "Ben", "anna", "Zoe");
        assertThat(people.page("AN", 0, 10)).extracting(Person::name).containsExactly("Anton", "anna");
        assertThat(people.page("berta_", 0, 10)).extracting(Person::name).containsExactly("Berta_1");
        assertThat(people.page("bert%", 0, 10)).isEmpty();
        assertThat(people.page("", 1, 2)).extracting(Person::name).containsExactly("Ben", "anna");
        assertThat(people.page("", 1, 2).get(0).cards())
                .extracting(Card::number)
                .containsExactly("2", "3");
        assertThat(people.page("", 1, 2).get(1).hasPin()).isTrue();
        assertThat(people.page("", 0, 0)).isEmpty();
        assertThat(people.count("")).isEqualTo(5);
        assertThat(people.count("10")).isEqualTo(4);
        assertThat(people.count("b")).isEqualTo(2);
        assertThat(people.count("x")).isZero();
    }

    @Test
    void deletingAPersonRemovesTheirCredentialsAndTheirNameFromUnlockRecords() throws Exception {
        var people = db.people(CIPHER);
        var unlocks = db.unlockRecords();
        long anna = people.insert(person("101", "Anna", List.of("1001"), "1234", "4321"));
        long ben = people.insert(person("102", "Ben", List.of("2002"), null, null));
        people.addFingerprint(anna, "thumb", "tpl", DIGESTS.fingerprint("tpl"), T0);
        var a1 = unlocks.append(
                new UnlockRecord(0, T0, UnlockMethod.CARD, "101", "Anna", anna, "…1001", 1, null, false));
        var a2 = unlocks.append(new UnlockRecord(
                0,
                T0.plusSeconds(1),
                UnlockMethod.PASSWORD,
                "101",
                "Anna",
                anna,
                "",
                0,
                Refusal.OUTSIDE_SCHEDULE,
                false));
        var b1 = unlocks.append(
                new UnlockRecord(0, T0.plusSeconds(2), UnlockMethod.CARD, "102", "Ben", ben, "…2002", 1, null, false));

        assertThat(people.delete(anna)).isTrue();
        assertThat(people.get(anna)).isEmpty();
        for (String d :
                List.of(DIGESTS.card("1001"), DIGESTS.pin("1234"), DIGESTS.pin("4321"), DIGESTS.fingerprint("tpl"))) {
            assertThat(people.holderOf(d)).isEmpty();
        }
        assertThat(rawColumn("SELECT COUNT(*) FROM credential")).containsExactly("1");
        assertThat(unlocks.search(RecordFilter.ALL, 0, 10))
                .containsExactly(
                        b1,
                        new UnlockRecord(
                                a2.id(),
                                a2.at(),
                                UnlockMethod.PASSWORD,
                                "101",
                                "",
                                0,
                                "",
                                0,
                                Refusal.OUTSIDE_SCHEDULE,
                                false),
                        new UnlockRecord(a1.id(), a1.at(), UnlockMethod.CARD, "101", "", 0, "…1001", 1, null, false));
        assertThat(rawColumn("SELECT COUNT(*) FROM unlock_record WHERE person = 'Anna'"))
                .containsExactly("0");
        assertThat(people.delete(anna)).isFalse();
        // the card is free again
        long cleo = people.insert(person("101", "Cleo", List.of("1001"), null, null));
        assertThat(people.holderOf(DIGESTS.card("1001"))).contains(cleo);
    }

    // ---------------------------------------------------------------- records

    private static UnlockRecord unlock(Instant at, UnlockMethod m, String room, Refusal refusal) {
        return new UnlockRecord(
                0,
                at,
                m,
                room,
                room.isEmpty() ? "" : "P" + room,
                room.isEmpty() ? 0 : 7,
                "",
                refusal == null ? 1 : 0,
                refusal,
                false);
    }

    private static RecordFilter filter(String type, String room, String result) {
        return new RecordFilter(Optional.empty(), Optional.empty(), type, room, result);
    }

    @Test
    void unlockRecordsAreSearchedAndCountedNewestFirstByEveryFilter() {
        var store = db.unlockRecords();
        var r1 = store.append(unlock(T0.plusSeconds(60), UnlockMethod.CARD, "101", null));
        var r2 = store.append(unlock(T0.plusSeconds(120), UnlockMethod.CARD, "", Refusal.UNKNOWN_CARD));
        var r3 = store.append(unlock(T0.plusSeconds(180), UnlockMethod.PASSWORD, "102", Refusal.WRONG_PASSWORD));
        var r4 = store.append(new UnlockRecord(
                0, T0.plusSeconds(240), UnlockMethod.PASSWORD, "101", "Anna", 7, "duress", 3, null, true));
        var r5 = store.append(unlock(T0.plusSeconds(86_400), UnlockMethod.EXIT_BUTTON, "", null));
        var r6 = store.append(unlock(T0.plusSeconds(86_400), UnlockMethod.REMOTE, "101", null));
        assertThat(r1.id()).isPositive();
        assertThat(List.of(r2.id(), r3.id(), r4.id(), r5.id(), r6.id()))
                .isSorted()
                .doesNotHaveDuplicates();

        assertThat(store.search(RecordFilter.ALL, 0, 10)).containsExactly(r6, r5, r4, r3, r2, r1);
        assertThat(store.search(filter("card", "", ""), 0, 10)).containsExactly(r2, r1);
        assertThat(store.search(filter("", "101", ""), 0, 10)).containsExactly(r6, r4, r1);
        assertThat(store.search(filter("", "", "refused"), 0, 10)).containsExactly(r3, r2);
        assertThat(store.search(filter("", "", "granted"), 0, 10)).containsExactly(r6, r5, r4, r1);
        assertThat(store.search(filter("password", "101", "granted"), 0, 10)).containsExactly(r4);
        assertThat(store.search(filter("exit-button", "", ""), 0, 10)).containsExactly(r5);
        var range = new RecordFilter(Optional.of(T0.plusSeconds(120)), Optional.of(T0.plusSeconds(240)), "", "", "");
        assertThat(store.search(range, 0, 10)).containsExactly(r3, r2);
        var since = new RecordFilter(Optional.of(T0.plusSeconds(240)), Optional.empty(), "password", "", "");
        assertThat(store.search(since, 0, 10)).containsExactly(r4);
        assertThat(store.search(RecordFilter.ALL, 1, 2)).containsExactly(r5, r4);
        assertThat(store.search(RecordFilter.ALL, 6, 2)).isEmpty();
        assertThat(store.search(RecordFilter.ALL, 0, 0)).isEmpty();
        assertThat(store.search(filter("fingerprint", "", ""), 0, 10)).isEmpty();

        assertThat(store.count(RecordFilter.ALL)).isEqualTo(6);
        assertThat(store.count(filter("card", "", ""))).isEqualTo(2);
        assertThat(store.count(filter("", "101", ""))).isEqualTo(3);
        assertThat(store.count(filter("", "", "refused"))).isEqualTo(2);
        assertThat(store.count(range)).isEqualTo(2);
        assertThat(store.count(filter("", "999", ""))).isZero();
    }

    @Test
    void callRecordsAreSearchedByDirectionRoomAndOutcome() {
        var store = db.callRecords();
        var c1 = store.append(call(
                "c1",
                T0,
                Duration.ofSeconds(50),
                CallRecord.Direction.OUTGOING,
                "101",
                "101",
                CallRecord.Outcome.ANSWERED,
                "101#1",
                Duration.ofSeconds(42),
                false,
                "BYE from 101#1",
                true));
        var c2 = store.append(call(
                "c2",
                T0.plusSeconds(60),
                Duration.ofSeconds(30),
                CallRecord.Direction.OUTGOING,
                "888888",
                "",
                CallRecord.Outcome.MISSED,
                "",
                Duration.ZERO,
                true,
                "no answer in 30 s",
                false));
        var c3 = store.append(call(
                "m3",
                T0.plusSeconds(120),
                Duration.ofMillis(1500),
                CallRecord.Direction.INCOMING,
                "101#0",
                "101",
                CallRecord.Outcome.ANSWERED,
                "101#0",
                Duration.ofMillis(1500),
                false,
                "BYE from 101#0",
                false));
        var c4 = store.append(call(
                "c4",
                T0.plusSeconds(180),
                Duration.ofSeconds(3),
                CallRecord.Direction.OUTGOING,
                "102",
                "102",
                CallRecord.Outcome.REFUSED,
                "",
                Duration.ZERO,
                false,
                "603 Decline",
                false));

        assertThat(store.search(RecordFilter.ALL, 0, 10)).containsExactly(c4, c3, c2, c1);
        assertThat(store.search(RecordFilter.ALL, 3, 1).getFirst())
                .as("every field as written")
                .isEqualTo(c1)
                .extracting(CallRecord::callId, CallRecord::ended, CallRecord::reason, CallRecord::snapshot)
                .containsExactly("c1", T0.plusSeconds(50), "BYE from 101#1", true);
        assertThat(store.search(filter("outgoing", "", ""), 0, 10)).containsExactly(c4, c2, c1);
        assertThat(store.search(filter("", "101", ""), 0, 10)).containsExactly(c3, c1);
        assertThat(store.search(filter("", "", "missed"), 0, 10)).containsExactly(c2);
        assertThat(store.search(filter("", "", "refused"), 0, 10)).containsExactly(c4);
        assertThat(store.search(filter("incoming", "", "answered"), 0, 10)).containsExactly(c3);
        assertThat(store.count(filter("", "", "answered"))).isEqualTo(2);
        List<CallRecord> all = new ArrayList<>();
        store.forEach(RecordFilter.ALL, all::add);
        assertThat(all).containsExactly(c4, c3, c2, c1);
        assertThat(store.prune(T0.plusSeconds(60), 10)).isEqualTo(1);
        assertThat(store.search(RecordFilter.ALL, 0, 10)).containsExactly(c4, c3, c2);
    }

    @Test
    void aCallSnapshotIsKeptWithItsRecordAndPrunedWithIt() {
        var store = db.callRecords();
        var snapshots = db.callSnapshots();
        var old = store.append(missed("c1", T0));
        var kept = store.append(missed("c2", T0.plusSeconds(60)));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 0, 1, 2, (byte) 0xFF, (byte) 0xD9};
        snapshots.put(old.id(), jpeg);
        snapshots.put(kept.id(), new byte[] {1});
        snapshots.put(kept.id(), jpeg);

        assertThat(snapshots.get(old.id())).hasValue(jpeg);
        assertThat(snapshots.get(kept.id())).as("the last one put").hasValue(jpeg);
        assertThat(snapshots.get(kept.id() + 1)).isEmpty();
        assertThatThrownBy(() -> snapshots.put(kept.id() + 1, jpeg))
                .as("only for a stored record")
                .isInstanceOf(RuntimeException.class);

        store.prune(T0.plusSeconds(30), 10);
        assertThat(snapshots.get(old.id())).as("deleted with its record").isEmpty();
        assertThat(snapshots.get(kept.id())).hasValue(jpeg);
    }

    private static CallRecord missed(String callId, Instant at) {
        return call(
                callId,
                at,
                Duration.ofSeconds(5),
                CallRecord.Direction.OUTGOING,
                "101",
                "101",
                CallRecord.Outcome.MISSED,
                "",
                Duration.ZERO,
                false,
                "no answer in 30 s",
                true);
    }

    private static CallRecord call(
            String callId,
            Instant at,
            Duration length,
            CallRecord.Direction direction,
            String peer,
            String room,
            CallRecord.Outcome outcome,
            String answeredBy,
            Duration talk,
            boolean emergency,
            String reason,
            boolean snapshot) {
        return new CallRecord(
                0,
                callId,
                at,
                at.plus(length),
                direction,
                peer,
                room,
                outcome,
                answeredBy,
                talk,
                emergency,
                reason,
                snapshot);
    }

    /** 3,001 unlock records written in one transaction, four to a second: ties on at across every batch edge. */
    private void fillUnlocks(int rows) throws SQLException {
        try (Connection c = raw()) {
            c.setAutoCommit(false);
            try (var st = c.prepareStatement("INSERT INTO unlock_record (at, method, room, result, refusal, person,"
                    + " person_id, credential, lock_no, duress) VALUES (?, ?, ?, 'granted', NULL, '', 0, '', 1, ?)")) {
                for (int i = 0; i < rows; i++) {
                    st.setLong(1, T0.toEpochMilli() + 1000L * (i / 4));
                    st.setString(2, List.of("card", "fingerprint", "password").get(i % 3));
                    st.setString(3, String.valueOf(100 + i % 7));
                    st.setBoolean(4, false);
                    st.addBatch();
                }
                st.executeBatch();
            }
            c.commit();
        }
    }

    @Test
    void forEachStreamsEveryMatchNewestFirstAcrossBatchBoundaries() throws Exception {
        fillUnlocks(3_001);
        var store = db.unlockRecords();
        // 3,001 (3 full batches and 1), 1,001 cards (one full and 1), exactly 1,000 fingerprints, 143 of room 100
        for (RecordFilter f : List.of(
                RecordFilter.ALL,
                filter("card", "", ""),
                filter("fingerprint", "", ""),
                filter("", "100", ""),
                new RecordFilter(Optional.of(T0.plusSeconds(100)), Optional.of(T0.plusSeconds(700)), "", "", ""))) {
            List<UnlockRecord> streamed = new ArrayList<>();
            store.forEach(f, streamed::add);
            assertThat(streamed).as(f.toString()).hasSize((int) store.count(f));
            assertThat(streamed).as(f.toString()).containsExactlyElementsOf(store.search(f, 0, 10_000));
            for (int i = 1; i < streamed.size(); i++) {
                UnlockRecord newer = streamed.get(i - 1);
                UnlockRecord older = streamed.get(i);
                assertThat(newer.at().isAfter(older.at()) || (newer.at().equals(older.at()) && newer.id() > older.id()))
                        .isTrue();
            }
        }
        assertThat(store.count(RecordFilter.ALL)).isEqualTo(3_001);
        assertThat(store.count(filter("card", "", ""))).isEqualTo(1_001);
        assertThat(store.count(filter("fingerprint", "", ""))).isEqualTo(1_000);

        // a sink that throws (the client went away) stops the export
        int[] seen = {0};
        assertThatThrownBy(() -> store.forEach(RecordFilter.ALL, r -> {
                    if (++seen[0] == 1_500) {
                        throw new IllegalStateException("client gone");
                    }
                }))
                .hasMessage("client gone");
        assertThat(seen[0]).isEqualTo(1_500);
    }

    @Test
    void pruneDeletesTheOlderThenTheOldestBeyondKeepAndCountsThem() {
        var store = db.unlockRecords();
        List<UnlockRecord> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(store.append(unlock(T0.plusSeconds(60L * i), UnlockMethod.CARD, "101", null)));
        }
        // two more at the time of the fifth-newest: ties are cut by id
        all.add(store.append(unlock(T0.plusSeconds(60L * 5), UnlockMethod.CARD, "101", null)));
        assertThat(store.prune(T0.plusSeconds(60L * 3), 5)).isEqualTo(3 + 3);
        List<UnlockRecord> kept = store.search(RecordFilter.ALL, 0, 100);
        assertThat(kept).containsExactly(all.get(9), all.get(8), all.get(7), all.get(6), all.get(10));
        assertThat(store.prune(T0, 5)).isZero();
        assertThat(store.count(RecordFilter.ALL)).isEqualTo(5);
        assertThat(store.prune(T0, 2)).isEqualTo(3);
        assertThat(store.prune(T0.plusSeconds(86_400), 100)).isEqualTo(2);
        assertThat(store.count(RecordFilter.ALL)).isZero();
        assertThat(store.prune(T0.plusSeconds(86_400), 0)).isZero();
        assertThatThrownBy(() -> store.prune(T0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- alarms and the outbox

    private static List<OutboxMessage> toCentre(Alarm a) {
        String topic = "alarm/" + a.type().token() + "/" + a.state().token();
        String body = "{\"id\":" + a.id() + "}";
        return List.of(
                OutboxMessage.create("sip", a.key(), topic, body, a.raisedAt()),
                OutboxMessage.create("webhook", a.key(), topic, body, a.raisedAt()));
    }

    @Test
    void raiseStoresTheAlarmAndItsOutboxMessagesInOneTransaction() {
        var alarms = db.alarms();
        var outbox = db.outbox();
        Alarm stored = alarms.raise(
                Alarm.raised(AlarmType.DURESS, "PIN of Anna, room 101", "101", T0), DatabaseContract::toCentre);
        assertThat(stored.id()).isPositive();
        assertThat(alarms.get(stored.id())).contains(stored);
        assertThat(stored.state()).isEqualTo(AlarmState.RAISED);
        assertThat(outbox.head("sip")).hasValueSatisfying(m -> {
            assertThat(m.key()).isEqualTo("vto-alarm-" + stored.id());
            assertThat(m.topic()).isEqualTo("alarm/duress/raised");
            assertThat(m.body()).isEqualTo("{\"id\":" + stored.id() + "}");
            assertThat(m.createdAt()).isEqualTo(T0);
            assertThat(m.deliveredAt()).isEmpty();
        });
        assertThat(outbox.pending("")).isEqualTo(2);

        // the messages cannot be made: neither the alarm nor any message is stored
        assertThatThrownBy(() -> alarms.raise(Alarm.raised(AlarmType.TAMPER, "tamper", "", T0.plusSeconds(1)), a -> {
                    throw new IllegalStateException("no centre configured");
                }))
                .hasMessage("no centre configured");
        // the database refuses the second message (attempts may not be negative): the alarm and the first go too
        assertThatThrownBy(() -> alarms.raise(Alarm.raised(AlarmType.TAMPER, "tamper", "", T0.plusSeconds(2)), a -> {
                    OutboxMessage ok = toCentre(a).get(0);
                    OutboxMessage refused = new OutboxMessage(
                            0, "webhook", a.key(), ok.topic(), ok.body(), T0, -1, T0, "", Optional.empty());
                    return List.of(ok, refused);
                }))
                .isInstanceOf(RuntimeException.class);
        assertThat(alarms.count(RecordFilter.ALL)).isEqualTo(1);
        assertThat(outbox.pending("")).isEqualTo(2);
    }

    private static Alarm alarm(AlarmType type, AlarmState state, String room, Instant at) {
        return new Alarm(
                0,
                type,
                state,
                type.title(),
                room,
                at,
                Optional.empty(),
                Optional.empty(),
                "",
                Optional.empty(),
                type.momentary());
    }

    @Test
    void alarmsAreUpdatedListedWhileActiveSearchedAndPrunedOnlyWhenCleared() {
        var alarms = db.alarms();
        Alarm tamper = alarms.append(alarm(AlarmType.TAMPER, AlarmState.RAISED, "", T0));
        Alarm door = alarms.append(alarm(AlarmType.DOOR_NOT_CLOSED, AlarmState.RAISED, "", T0.plusSeconds(60)));
        Alarm duress = alarms.append(alarm(AlarmType.DURESS, AlarmState.RAISED, "101", T0.plusSeconds(120)));
        Alarm acknowledged = new Alarm(
                door.id(),
                door.type(),
                AlarmState.ACKNOWLEDGED,
                door.detail(),
                door.room(),
                door.raisedAt(),
                Optional.of(T0.plusSeconds(61)),
                Optional.of(T0.plusSeconds(90)),
                "admin",
                Optional.empty(),
                false);
        alarms.update(acknowledged);
        Alarm cleared = new Alarm(
                duress.id(),
                duress.type(),
                AlarmState.CLEARED,
                duress.detail(),
                duress.room(),
                duress.raisedAt(),
                Optional.empty(),
                Optional.of(T0.plusSeconds(130)),
                "operator",
                Optional.of(T0.plusSeconds(130)),
                true);
        alarms.update(cleared);
        assertThat(alarms.get(door.id())).contains(acknowledged);
        assertThat(alarms.get(duress.id())).contains(cleared);
        assertThat(alarms.get(duress.id() + 1)).isEmpty();
        assertThat(alarms.active()).containsExactly(acknowledged, tamper);
        Alarm stranger = alarm(AlarmType.TAMPER, AlarmState.RAISED, "", T0);
        assertThatThrownBy(() -> alarms.update(stranger)).isInstanceOf(IllegalArgumentException.class);

        assertThat(alarms.search(RecordFilter.ALL, 0, 10)).containsExactly(cleared, acknowledged, tamper);
        assertThat(alarms.search(filter("door-not-closed", "", ""), 0, 10)).containsExactly(acknowledged);
        assertThat(alarms.search(filter("", "101", ""), 0, 10)).containsExactly(cleared);
        assertThat(alarms.search(filter("", "", "raised"), 0, 10)).containsExactly(tamper);
        assertThat(alarms.count(filter("", "", "cleared"))).isEqualTo(1);
        List<Alarm> exported = new ArrayList<>();
        alarms.forEach(filter("", "", "acknowledged"), exported::add);
        assertThat(exported).containsExactly(acknowledged);

        // retention never takes an alarm still on the active list
        assertThat(alarms.prune(T0.plusSeconds(86_400), 0)).isEqualTo(1);
        assertThat(alarms.active()).containsExactly(acknowledged, tamper);
        assertThat(alarms.count(RecordFilter.ALL)).isEqualTo(2);
    }

    private static OutboxMessage message(String destination, String key, int second) {
        return OutboxMessage.create(
                destination, key, "alarm/tamper/raised", "{\"n\":" + second + "}", T0.plusSeconds(second));
    }

    @Test
    void theOutboxHandsEachDestinationItsOldestUndeliveredMessageAndCountsTheRest() {
        var outbox = db.outbox();
        assertThat(outbox.head("sip")).isEmpty();
        assertThat(outbox.destinationsPending()).isEmpty();
        outbox.enqueue(List.of());
        outbox.enqueue(List.of(message("sip", "vto-alarm-1", 1), message("webhook", "vto-alarm-1", 1)));
        outbox.enqueue(List.of(message("sip", "vto-alarm-2", 2), message("sip", "vto-alarm-3", 3)));

        OutboxMessage first = outbox.head("sip").orElseThrow();
        assertThat(first.key()).isEqualTo("vto-alarm-1");
        assertThat(first.attempts()).isZero();
        assertThat(first.nextAttempt()).isEqualTo(T0.plusSeconds(1));
        assertThat(outbox.pending("")).isEqualTo(4);
        assertThat(outbox.pending("sip")).isEqualTo(3);
        assertThat(outbox.pending("syslog")).isZero();
        assertThat(outbox.destinationsPending()).containsExactly("sip", "webhook");

        outbox.failed(first.id(), 1, T0.plusSeconds(31), "408 Request Timeout " + "x".repeat(600));
        OutboxMessage retried = outbox.head("sip").orElseThrow();
        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.nextAttempt()).isEqualTo(T0.plusSeconds(31));
        assertThat(retried.lastError()).startsWith("408 Request Timeout").hasSize(500);

        outbox.delivered(first.id(), T0.plusSeconds(40));
        outbox.delivered(first.id(), T0.plusSeconds(99));
        assertThat(outbox.head("sip").orElseThrow().key()).isEqualTo("vto-alarm-2");
        assertThat(outbox.pending("sip")).isEqualTo(2);
        // the webhook still has alarm 1
        assertThat(outbox.undelivered("vto-alarm-1")).isTrue();
        OutboxMessage webhook = outbox.head("webhook").orElseThrow();
        outbox.delivered(webhook.id(), T0.plusSeconds(50));
        assertThat(outbox.undelivered("vto-alarm-1")).isFalse();
        assertThat(outbox.undelivered("vto-alarm-3")).isTrue();
        assertThat(outbox.head("webhook")).isEmpty();
        assertThat(outbox.destinationsPending()).containsExactly("sip");

        assertThat(outbox.pruneDelivered(T0.plusSeconds(40))).isZero();
        assertThat(outbox.pruneDelivered(T0.plusSeconds(41))).isEqualTo(1);
        assertThat(outbox.pruneDelivered(T0.plusSeconds(86_400))).isEqualTo(1);
        assertThat(outbox.pending("")).isEqualTo(2);
        assertThat(outbox.head("sip").orElseThrow().key()).isEqualTo("vto-alarm-2");
    }

    @Test
    void concurrentUnlockRecordsAreEachCommittedOnceWithTheirOwnIds() throws Exception {
        var store = db.unlockRecords();
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<org.openvto.records.UnlockRecord>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                var r = new org.openvto.records.UnlockRecord(
                        0,
                        t0.plusMillis(i),
                        org.openvto.access.UnlockMethod.REMOTE,
                        "101",
                        "",
                        0,
                        "u" + i,
                        1,
                        null,
                        false);
                futures.add(pool.submit(() -> store.append(r)));
            }
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (var f : futures) {
                var stored = f.get();
                assertThat(ids.add(stored.id())).as("one id per record").isTrue();
                assertThat(stored.credential()).startsWith("u");
            }
            assertThat(store.count(org.openvto.records.RecordFilter.ALL)).isEqualTo(400);
            var all = store.search(org.openvto.records.RecordFilter.ALL, 0, 400);
            for (var f : futures) {
                var mine = f.get();
                assertThat(all)
                        .filteredOn(r -> r.id() == mine.id())
                        .singleElement()
                        .satisfies(r -> assertThat(r.credential()).isEqualTo(mine.credential()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
