package org.openvto.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvto.device.SettingKey;
import org.openvto.security.Account;
import org.openvto.security.AccountGroup;
import org.openvto.security.LoginLockStore;
import org.openvto.security.SecretCipher;
import org.openvto.security.SecurityLogEntry;

/** The behaviour every database vendor must show; one subclass per vendor. */
abstract class DatabaseContract {
    protected Database db;

    protected abstract Database openFresh() throws Exception;

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
        assertThat(db.schemaVersion()).isEqualTo("4");
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
}
