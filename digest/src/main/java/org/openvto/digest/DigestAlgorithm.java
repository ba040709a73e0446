package org.openvto.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** The digest hash algorithms this stack offers (RFC 7616 §3.3, RFC 8760 for SIP). Session variants are not offered. */
public enum DigestAlgorithm {
    /** RFC 2617/7616 MD5 – still what most SIP phones, cameras' clients and curl default to. */
    MD5("MD5", "MD5"),
    /** RFC 7616 SHA-256 – preferred; offered first in challenges. */
    SHA_256("SHA-256", "SHA-256");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** The {@code algorithm=} token on the wire. */
    public String token() {
        return token;
    }

    /** Lower-case hex of the hash of {@code text} encoded as UTF-8. */
    public String hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance(jcaName).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        }
    }

    /**
     * The algorithm named by an {@code algorithm=} token; an absent token means MD5 (RFC 7616 §3.3).
     * Unknown tokens (including {@code -sess} variants) give an empty result.
     */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null) {
            return Optional.of(MD5);
        }
        String upper = token.toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equals(upper)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
