package org.openvto.security;

import java.util.EnumMap;
import java.util.Map;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestVerifier;

/** The per-algorithm HA1 values of one account, sealed with the {@link SecretCipher} for storage. */
final class DigestSecrets {
    private DigestSecrets() {}

    static String seal(SecretCipher cipher, String username, String realm, String password) {
        StringBuilder plain = new StringBuilder();
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            if (!plain.isEmpty()) {
                plain.append('\n');
            }
            plain.append(algorithm.token())
                    .append('=')
                    .append(DigestVerifier.ha1(algorithm, username, realm, password));
        }
        return cipher.encrypt(plain.toString());
    }

    static Map<DigestAlgorithm, String> open(SecretCipher cipher, String sealed) {
        Map<DigestAlgorithm, String> ha1 = new EnumMap<>(DigestAlgorithm.class);
        for (String line : cipher.decrypt(sealed).split("\n")) {
            int eq = line.indexOf('=');
            DigestAlgorithm.fromToken(line.substring(0, eq)).ifPresent(a -> ha1.put(a, line.substring(eq + 1)));
        }
        return ha1;
    }
}
