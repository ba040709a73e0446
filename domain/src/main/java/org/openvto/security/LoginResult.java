package org.openvto.security;

import java.time.Instant;

/** Outcome of an authentication attempt through {@link AuthService}. */
public sealed interface LoginResult {
    /** Credentials matched and neither the account nor the source is locked. */
    record Success(Account account) implements LoginResult {}

    /** Wrong user name or password; {@code attemptsLeft} before the lock. */
    record Rejected(int attemptsLeft) implements LoginResult {}

    /** The account or the source address is locked until {@code until}; credentials were not checked. */
    record Locked(Instant until) implements LoginResult {}
}
