package org.openvto.storage.internal;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openvto.security.LoginLockStore;

/**
 * {@link LoginLockStore} on the {@code login_lock} table. Counting is one transaction: SQLite's
 * immediate transactions and PostgreSQL's {@code SELECT … FOR UPDATE} serialise concurrent failures
 * for the same key, so none is lost.
 */
public final class JdbcLoginLockStore implements LoginLockStore {
    private final Jdbi jdbi;
    private final String lockClause;

    public JdbcLoginLockStore(Jdbi jdbi, boolean supportsForUpdate) {
        this.jdbi = jdbi;
        this.lockClause = supportsForUpdate ? " FOR UPDATE" : "";
    }

    @Override
    public LockState get(String key) {
        return jdbi.withHandle(h -> read(h, key, ""));
    }

    @Override
    public LockState recordFailure(String key, Instant now, int threshold, Duration lockDuration) {
        return jdbi.inTransaction(h -> {
            h.createUpdate(
                            "INSERT INTO login_lock (lock_key, failures) VALUES (:k, 0) ON CONFLICT (lock_key) DO NOTHING")
                    .bind("k", key)
                    .execute();
            LockState current = read(h, key, lockClause);
            boolean expiredLock = current.lockedUntil() != null && !current.lockedAt(now);
            int failures = (expiredLock ? 0 : current.failures()) + 1;
            LockState next = failures >= threshold
                    ? new LockState(0, now.plus(lockDuration))
                    : new LockState(failures, expiredLock ? null : current.lockedUntil());
            h.createUpdate("UPDATE login_lock SET failures = :f, locked_until = :u WHERE lock_key = :k")
                    .bind("k", key)
                    .bind("f", next.failures())
                    .bind(
                            "u",
                            next.lockedUntil() == null
                                    ? null
                                    : next.lockedUntil().toEpochMilli())
                    .execute();
            return next;
        });
    }

    @Override
    public void clear(String key) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_lock WHERE lock_key = :k")
                .bind("k", key)
                .execute());
    }

    private static LockState read(Handle h, String key, String suffix) {
        return h.createQuery("SELECT failures, locked_until FROM login_lock WHERE lock_key = :k" + suffix)
                .bind("k", key)
                .map((rs, ctx) -> {
                    int failures = rs.getInt("failures");
                    long until = rs.getLong("locked_until");
                    return new LockState(failures, rs.wasNull() ? null : Instant.ofEpochMilli(until));
                })
                .findOne()
                .orElse(LockState.NONE);
    }
}
