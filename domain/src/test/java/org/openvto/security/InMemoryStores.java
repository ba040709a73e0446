package org.openvto.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Minimal in-memory stores so the domain's rules can be tested without a database. */
final class InMemoryStores {
    static final class Accounts implements AccountStore {
        final Map<String, Account> byName = new ConcurrentHashMap<>();

        @Override
        public Optional<Account> find(String username) {
            return Optional.ofNullable(byName.get(username));
        }

        @Override
        public boolean insert(Account account) {
            return byName.putIfAbsent(account.username(), account) == null;
        }

        @Override
        public boolean updatePassword(String username, String hash, String secrets, Instant at) {
            return byName.computeIfPresent(
                            username,
                            (k, a) -> new Account(a.username(), a.group(), hash, secrets, a.email(), a.createdAt(), at))
                    != null;
        }

        @Override
        public boolean anyAdministrator() {
            return byName.values().stream().anyMatch(a -> a.group() == AccountGroup.ADMIN);
        }
    }

    static final class Locks implements LoginLockStore {
        final Map<String, LockState> states = new ConcurrentHashMap<>();

        @Override
        public LockState get(String key) {
            return states.getOrDefault(key, LockState.NONE);
        }

        @Override
        public LockState recordFailure(String key, Instant now, int threshold, Duration lockDuration) {
            return states.compute(key, (k, s) -> {
                int failures = (s == null || (s.lockedUntil() != null && !s.lockedAt(now)) ? 0 : s.failures()) + 1;
                return failures >= threshold ? new LockState(0, now.plus(lockDuration)) : new LockState(failures, null);
            });
        }

        @Override
        public void clear(String key) {
            states.remove(key);
        }
    }

    static final class Log implements SecurityLogStore {
        final List<SecurityLogEntry> entries = new ArrayList<>();

        @Override
        public synchronized void append(SecurityLogEntry entry) {
            entries.add(entry);
        }

        @Override
        public synchronized List<SecurityLogEntry> newest(int offset, int limit) {
            return entries.reversed().stream().skip(offset).limit(limit).toList();
        }

        @Override
        public synchronized long count() {
            return entries.size();
        }
    }
}
