package org.openvto.centre.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's signature (docs/CENTRE.md): {@code X-OpenVTO-Signature: sha256=<hex>}, the lower-case hex of
 * HMAC-SHA256 with the shared secret (its UTF-8 bytes) as key over the UTF-8 bytes of {@code <timestamp>.<body>} —
 * the {@code X-OpenVTO-Timestamp} value (Unix seconds, decimal), a full stop, the request body exactly as sent.
 * Binding the timestamp into the MAC lets a centre refuse replays of old requests (it should accept a window of a
 * few minutes). Stateless and thread-safe.
 */
public final class WebhookSignature {
    /** The prefix naming the algorithm, so that another can be added later without ambiguity. */
    public static final String PREFIX = "sha256=";

    private static final String HMAC = "HmacSHA256";

    private WebhookSignature() {}

    /** The header value for {@code body} sent at {@code unixSeconds}. */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret, unixSeconds, body));
    }

    /**
     * True if {@code header} is the signature of {@code body} at {@code unixSeconds} (compared in constant time):
     * what a centre written in Java checks. The timestamp's age is the caller's to check.
     */
    public static boolean verify(String secret, long unixSeconds, byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(secret, unixSeconds, body));
    }

    private static byte[] mac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
