package org.openvto.security.internal;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.openvto.security.PasswordHasher;

/**
 * Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane), via password4j. About
 * 30–60 ms per hash on a 2-core machine: slow for an attacker, fast enough for a door station.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    @Override
    public boolean verify(String password, String hash) {
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
