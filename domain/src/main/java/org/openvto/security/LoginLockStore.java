package org.openvto.security;

import java.time.Instant;

/**
 * Failed-login counters and locks, keyed by {@code account:<name>} or {@code ip:<address>}.
 * Persisted so that a restart does not unlock an attacker. Thread-safe.
 */
public interface LoginLockStore {
    /** Current state of {@code key}; a key never seen has no failures and no lock. */
    LockState get(String key);

    /**
     * Atomically counts one failure for {@code key}; when the count reaches {@code threshold} the key
     * is locked until {@code now + lockDuration} and the counter restarts.
     */
    LockState recordFailure(String key, Instant now, int threshold, java.time.Duration lockDuration);

    /** Forgets failures and locks of {@code key} (after a successful login). */
    void clear(String key);

    /** Failure count and lock expiry of one key. */
    record LockState(int failures, Instant lockedUntil) {
        public static final LockState NONE = new LockState(0, null);

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }
}
