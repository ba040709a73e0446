package org.openvto.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Computes and checks Digest responses (RFC 7616 §3.4.1, RFC 2617 §3.2.2.1 without qop).
 *
 * <p>The server stores {@code HA1 = H(username:realm:password)} per algorithm rather than the
 * password, and verifies with it. Comparison is constant-time. Stateless and thread-safe.
 */
public final class DigestVerifier {
    private DigestVerifier() {}

    /** {@code H(username:realm:password)} for {@code algorithm}. */
    public static String ha1(DigestAlgorithm algorithm, String username, String realm, String password) {
        return algorithm.hex(username + ":" + realm + ":" + password);
    }

    /** The {@code response=} value a client with {@code ha1} must send for {@code method} and the given parameters. */
    public static String expectedResponse(DigestResponse r, String method, String ha1) {
        DigestAlgorithm alg = r.algorithm();
        String ha2 = alg.hex(method + ":" + r.uri());
        if (r.qop() == null) {
            return alg.hex(ha1 + ":" + r.nonce() + ":" + ha2);
        }
        return alg.hex(ha1 + ":" + r.nonce() + ":" + r.nc() + ":" + r.cnonce() + ":" + r.qop() + ":" + ha2);
    }

    /** True when the client's response matches what {@code ha1} yields for {@code method}. */
    public static boolean verify(DigestResponse r, String method, String ha1) {
        byte[] expected = expectedResponse(r, method, ha1).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = r.response().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }
}
