package org.openvto.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed digests (HMAC-SHA256) of credentials, so the database can find a card, a fingerprint template or a PIN by
 * an indexed column without holding it in the clear. The key is derived from the device key, which lives in the
 * data directory and not in the database: a copied database file alone reveals no credential.
 *
 * <p>Why a fast keyed hash and not Argon2 for PINs: a PIN is looked up among thousands at every keypad entry, which
 * a salted slow hash cannot do (one Argon2 per person per entry); and a 4–8 digit PIN has at most 10^8 values, so a
 * slow hash would not stop an attacker who has the key either. What limits guessing is the keypad lock-out (5 wrong
 * passwords lock the keypad, {@link KeypadLockout}) and the key being outside the database. Immutable, thread-safe.
 */
public final class CredentialDigests {
    private final byte[] key;

    /** @param deviceKey the device key (32 bytes); the digest key is derived from it for this one purpose */
    public CredentialDigests(byte[] deviceKey) {
        this.key = hmac(deviceKey, "openvto access credential digest v1".getBytes(StandardCharsets.UTF_8));
    }

    public String card(String number) {
        return digest("card:" + number.strip());
    }

    public String fingerprint(String template) {
        return digest("finger:" + template.strip());
    }

    public String pin(String digits) {
        return digest("pin:" + digits);
    }

    private String digest(String value) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(hmac(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
