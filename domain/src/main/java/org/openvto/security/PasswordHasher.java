package org.openvto.security;

/** Slow salted password hashing. Implementations are thread-safe. */
public interface PasswordHasher {
    /** A self-describing hash string (algorithm, parameters, salt, hash). */
    String hash(String password);

    /** True when {@code password} matches {@code hash}; false for a malformed hash. */
    boolean verify(String password, String hash);

    /** Argon2id with OWASP's recommended minimum parameters; the VTO's hasher. */
    static PasswordHasher argon2id() {
        return new org.openvto.security.internal.Argon2idPasswordHasher();
    }
}
