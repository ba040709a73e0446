package org.openvto.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestResponse;
import org.openvto.digest.DigestVerifier;
import org.openvto.event.EventBus;
import org.openvto.security.internal.Argon2idPasswordHasher;
import org.openvto.testkit.ManualClock;

class AuthServiceTest {
    private static final String PASSWORD = "Door#Bell42";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryStores.Log log = new InMemoryStores.Log();
    private final InMemoryStores.Locks locks = new InMemoryStores.Locks();
    private AccountService accounts;
    private AuthService auth;

    @BeforeEach
    void setUp() {
        EventBus bus = new EventBus();
        new SecurityLog(bus, log, clock);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        accounts = new AccountService(
                new InMemoryStores.Accounts(),
                new Argon2idPasswordHasher(),
                new SecretCipher(key),
                bus,
                clock,
                "Login to TEST");
        auth = new AuthService(
                accounts,
                locks,
                bus,
                clock,
                new SecurityConfig(
                        5, Duration.ofMinutes(30), Duration.ZERO, Duration.ofMinutes(30), Duration.ofMinutes(5)));
        assertThat(accounts.initialize(PASSWORD, PASSWORD, "ops@example.com", "test"))
                .isInstanceOf(AccountService.InitResult.Initialized.class);
    }

    @Test
    void initializationHappensOnlyOnce() {
        assertThat(accounts.initialize("Other#Pass9", "Other#Pass9", null, "test"))
                .isInstanceOf(AccountService.InitResult.AlreadyInitialized.class);
        assertThat(auth.login("admin", PASSWORD, "10.0.0.1")).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void rejectedInitializationNamesTheFieldsAndRule() {
        var fresh = new AccountService(
                new InMemoryStores.Accounts(),
                new Argon2idPasswordHasher(),
                new SecretCipher(new byte[32]),
                new EventBus(),
                clock,
                "r");
        var result = fresh.initialize("admin123", "admin123", "not-an-address", "test");
        assertThat(result).isInstanceOf(AccountService.InitResult.Rejected.class);
        var errors = ((AccountService.InitResult.Rejected) result).errors();
        assertThat(errors).extracting(e -> e.field()).containsExactly("password", "password", "email");
        assertThat(errors.get(0).message()).contains("account name");
        assertThat(fresh.initialized()).isFalse();
    }

    @Test
    void fiveFailuresLockAccountAndAddressEvenForTheRightPassword() {
        for (int i = 1; i <= 4; i++) {
            assertThat(auth.login("admin", "wrong", "10.0.0.1")).isEqualTo(new LoginResult.Rejected(5 - i));
        }
        assertThat(auth.login("admin", "wrong", "10.0.0.1")).isInstanceOf(LoginResult.Locked.class);
        assertThat(auth.login("admin", PASSWORD, "10.0.0.1")).isInstanceOf(LoginResult.Locked.class);
        assertThat(auth.login("admin", PASSWORD, "10.0.0.2"))
                .as("account locked from every address")
                .isInstanceOf(LoginResult.Locked.class);
        assertThat(auth.login("someone", "x", "10.0.0.1"))
                .as("address locked for every account")
                .isInstanceOf(LoginResult.Locked.class);
        clock.advance(Duration.ofMinutes(31));
        assertThat(auth.login("admin", PASSWORD, "10.0.0.1")).isInstanceOf(LoginResult.Success.class);
        assertThat(log.entries)
                .extracting(SecurityLogEntry::event)
                .contains("device/initialized", "login/failed", "login/locked", "login/succeeded");
    }

    @Test
    void unknownUsersAreRejectedLikeKnownOnesAndLockOnlyTheAddress() {
        for (int i = 0; i < 5; i++) {
            auth.login("ghost", "x", "10.0.0.9");
        }
        assertThat(auth.login("admin", PASSWORD, "10.0.0.9")).isInstanceOf(LoginResult.Locked.class);
        assertThat(auth.login("admin", PASSWORD, "10.0.0.10")).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void digestWithBothAlgorithmsUsesTheStoredSecrets() {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            String ha1 = DigestVerifier.ha1(algorithm, "admin", "Login to TEST", PASSWORD);
            var unsigned = new DigestResponse(
                    "admin", "Login to TEST", "n", "/api/v1/device", "", algorithm, "auth", "c", "00000001", null);
            String response = DigestVerifier.expectedResponse(unsigned, "GET", ha1);
            var signed = new DigestResponse(
                    "admin",
                    "Login to TEST",
                    "n",
                    "/api/v1/device",
                    response,
                    algorithm,
                    "auth",
                    "c",
                    "00000001",
                    null);
            assertThat(auth.digest(signed, "GET", "10.0.0.3")).isInstanceOf(LoginResult.Success.class);
            assertThat(auth.digest(signed, "PUT", "10.0.0.3")).isInstanceOf(LoginResult.Rejected.class);
        }
    }

    @Test
    void digestLogsItsFailuresButNotEverySuccess() {
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.SHA_256, "admin", "Login to TEST", PASSWORD);
        var unsigned = new DigestResponse(
                "admin",
                "Login to TEST",
                "n",
                "/api/v1/device",
                "",
                DigestAlgorithm.SHA_256,
                "auth",
                "c",
                "00000001",
                null);
        var signed = new DigestResponse(
                "admin",
                "Login to TEST",
                "n",
                "/api/v1/device",
                DigestVerifier.expectedResponse(unsigned, "GET", ha1),
                DigestAlgorithm.SHA_256,
                "auth",
                "c",
                "00000001",
                null);
        int before = log.entries.size();
        for (int i = 0; i < 3; i++) {
            assertThat(auth.digest(signed, "GET", "10.0.0.5")).isInstanceOf(LoginResult.Success.class);
        }
        assertThat(log.entries).hasSize(before);
        assertThat(auth.digest(signed, "PUT", "10.0.0.5")).isInstanceOf(LoginResult.Rejected.class);
        assertThat(log.entries.subList(before, log.entries.size()))
                .extracting(SecurityLogEntry::event)
                .containsExactly("login/failed");
        assertThat(auth.login("admin", PASSWORD, "10.0.0.5")).isInstanceOf(LoginResult.Success.class);
        assertThat(log.entries.getLast().event())
                .as("console logins still log success")
                .isEqualTo("login/succeeded");
    }

    @Test
    void changingThePasswordChecksTheOldOneAndThePolicy() {
        assertThat(accounts.changePassword("admin", "nope", "New#Pass42", "New#Pass42", "t"))
                .isInstanceOf(AccountService.ChangeResult.Rejected.class);
        assertThat(accounts.changePassword("admin", PASSWORD, "admin999", "admin999", "t"))
                .isInstanceOf(AccountService.ChangeResult.Rejected.class);
        assertThat(accounts.changePassword("admin", PASSWORD, "New#Pass42", "New#Pass42", "t"))
                .isInstanceOf(AccountService.ChangeResult.Changed.class);
        assertThat(auth.login("admin", "New#Pass42", "10.0.0.4")).isInstanceOf(LoginResult.Success.class);
        assertThat(auth.login("admin", PASSWORD, "10.0.0.4")).isInstanceOf(LoginResult.Rejected.class);
    }
}
