package org.openvto.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openvto.digest.DigestResponse;
import org.openvto.digest.DigestVerifier;
import org.openvto.event.EventBus;

/**
 * Authenticates web logins (password) and API requests (HTTP Digest) against the accounts, with the
 * Quick Start Guide's account lock (appendix 1, item 4): after {@code lockoutThreshold} failures the account
 * <em>and</em> the source IP are locked for {@code lockoutDuration}. While locked, even the right
 * password is refused. Unknown user names cost the same hash as known ones and are reported the
 * same way, so they cannot be enumerated. Every outcome is published as a {@link SecurityEvent}.
 *
 * <p>Thread-safe. Counting is per key and atomic in the {@link LoginLockStore}.
 */
public final class AuthService {
    /** Checks presented credentials against a known account. */
    @FunctionalInterface
    public interface CredentialCheck {
        boolean matches(Account account);
    }

    private final AccountService accounts;
    private final LoginLockStore locks;
    private final EventBus bus;
    private final Clock clock;
    private final SecurityConfig config;
    private volatile String dummyHash;

    public AuthService(
            AccountService accounts, LoginLockStore locks, EventBus bus, Clock clock, SecurityConfig config) {
        this.accounts = accounts;
        this.locks = locks;
        this.bus = bus;
        this.clock = clock;
        this.config = config;
    }

    /** Form login with user name and password. */
    public LoginResult login(String username, String password, String source) {
        return authenticate(
                username,
                source,
                "web login",
                true,
                account -> password != null && accounts.hasher().verify(password, account.passwordHash()),
                () -> accounts.hasher().verify(String.valueOf(password), dummyHash()));
    }

    /** A hash to verify unknown users against, so they cost as much time as known ones; made on first use. */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = accounts.hasher().hash("timing-equaliser-" + System.nanoTime());
            dummyHash = hash;
        }
        return hash;
    }

    /** HTTP Digest; the caller has already checked that the nonce is authentic, fresh and not replayed. */
    public LoginResult digest(DigestResponse response, String method, String source) {
        // API clients authenticate every request: logging each success would flood the security log and bury
        // the failures that matter (seed appendix "Secure Auditing"), so only failures and locks are logged
        return authenticate(
                response.username(),
                source,
                "digest " + response.algorithm().token(),
                false,
                account -> accounts.ha1(account, response.algorithm())
                        .map(ha1 -> DigestVerifier.verify(response, method, ha1))
                        .orElse(false),
                () -> {});
    }

    /** The lock currently applying to {@code username} or {@code source}, if any. */
    public Optional<Instant> lockedUntil(String username, String source) {
        Instant now = clock.instant();
        Instant until = later(activeLock(ipKey(source), now), activeLock(accountKey(username), now));
        return Optional.ofNullable(until);
    }

    private LoginResult authenticate(
            String username,
            String source,
            String channel,
            boolean logSuccess,
            CredentialCheck check,
            Runnable equaliseTiming) {
        String name = username == null ? "" : username;
        Optional<Instant> locked = lockedUntil(name, source);
        if (locked.isPresent()) {
            bus.publish(
                    new SecurityEvent.LoginFailed(name, source, channel + " refused: locked until " + locked.get()));
            return new LoginResult.Locked(locked.get());
        }
        Optional<Account> account = accounts.find(name);
        boolean ok;
        if (account.isPresent()) {
            ok = check.matches(account.get());
        } else {
            equaliseTiming.run();
            ok = false;
        }
        if (ok) {
            // a success clears earlier failures; with none on record there is nothing to write (API clients
            // authenticate every request: two write transactions each would cost more than the request)
            clearIfCounted(ipKey(source));
            clearIfCounted(accountKey(name));
            if (logSuccess) {
                bus.publish(new SecurityEvent.LoginSucceeded(name, source, channel));
            }
            return new LoginResult.Success(account.get());
        }
        return fail(name, source, channel, account.isPresent());
    }

    private LoginResult fail(String name, String source, String channel, boolean knownAccount) {
        Instant now = clock.instant();
        var ip = locks.recordFailure(ipKey(source), now, config.lockoutThreshold(), config.lockoutDuration());
        var acc = knownAccount
                ? locks.recordFailure(accountKey(name), now, config.lockoutThreshold(), config.lockoutDuration())
                : LoginLockStore.LockState.NONE;
        bus.publish(new SecurityEvent.LoginFailed(name, source, channel + ": wrong user name or password"));
        Instant until = later(ip.lockedAt(now) ? ip.lockedUntil() : null, acc.lockedAt(now) ? acc.lockedUntil() : null);
        if (until != null) {
            bus.publish(new SecurityEvent.LoginLocked(name, source, "account and address locked until " + until));
            return new LoginResult.Locked(until);
        }
        int used = Math.max(ip.failures(), acc.failures());
        return new LoginResult.Rejected(Math.max(0, config.lockoutThreshold() - used));
    }

    private void clearIfCounted(String key) {
        if (!locks.get(key).equals(LoginLockStore.LockState.NONE)) {
            locks.clear(key);
        }
    }

    private Instant activeLock(String key, Instant now) {
        var state = locks.get(key);
        return state.lockedAt(now) ? state.lockedUntil() : null;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String ipKey(String source) {
        return "ip:" + source;
    }

    private static String accountKey(String username) {
        return "account:" + username;
    }
}
