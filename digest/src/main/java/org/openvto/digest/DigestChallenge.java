package org.openvto.digest;

/**
 * A {@code WWW-Authenticate}/{@code Proxy-Authenticate} Digest challenge (RFC 7616 §3.3).
 *
 * @param qopAuth whether to offer {@code qop="auth"} (HTTP and SIP: yes; Dahua-style RTSP: no)
 * @param stale   true when the client's nonce was authentic but expired, so it retries silently
 */
public record DigestChallenge(
        String realm, String nonce, String opaque, DigestAlgorithm algorithm, boolean qopAuth, boolean stale) {

    /** The header value, e.g. {@code Digest realm="VDP", qop="auth", algorithm=SHA-256, nonce="…"}. */
    public String toHeaderValue() {
        StringBuilder sb =
                new StringBuilder("Digest realm=\"").append(escape(realm)).append('"');
        if (qopAuth) {
            sb.append(", qop=\"auth\"");
        }
        sb.append(", algorithm=").append(algorithm.token());
        sb.append(", nonce=\"").append(nonce).append('"');
        if (opaque != null) {
            sb.append(", opaque=\"").append(escape(opaque)).append('"');
        }
        if (stale) {
            sb.append(", stale=true");
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
