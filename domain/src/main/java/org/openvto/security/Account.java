package org.openvto.security;

import java.time.Instant;

/**
 * A web/API account of this VTO.
 *
 * @param passwordHash  Argon2id hash (PHC string) used for form login
 * @param digestSecrets the HTTP-Digest HA1 values (MD5 and SHA-256, realm-bound), encrypted at rest with the
 *                      device key; never the password itself
 * @param email         address for password reset, or {@code null}
 */
public record Account(
        String username,
        AccountGroup group,
        String passwordHash,
        String digestSecrets,
        String email,
        Instant createdAt,
        Instant passwordChangedAt) {

    /** The built-in administrator created by Device Init (Quick Start Guide 4.2.1). */
    public static final String ADMIN = "admin";
}
