package org.openvto.security;

import java.util.Optional;

/** Persistence of accounts. Implementations are thread-safe and write durably before returning. */
public interface AccountStore {
    Optional<Account> find(String username);

    /** Inserts {@code account}; returns false (changing nothing) if the username already exists. */
    boolean insert(Account account);

    /** Replaces the password hash and digest secrets; returns false if the account does not exist. */
    boolean updatePassword(String username, String passwordHash, String digestSecrets, java.time.Instant changedAt);

    /** True once at least one administrator exists, i.e. the device has been initialized. */
    boolean anyAdministrator();
}
