package org.openvto.household;

import java.security.SecureRandom;

/** Register passwords the Add forms and the batch fill in: random, 10 characters, no look-alike letters. */
public final class RegisterPasswords {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RegisterPasswords() {}

    /** A fresh random register password (there is no fixed factory password). Thread-safe. */
    public static String newPassword() {
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
