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

    /**
     * Reads a server's {@code WWW-Authenticate}/{@code Proxy-Authenticate} value (the client side, RFC 7616 §3.3);
     * empty when it is not a Digest challenge this stack can answer: no realm or nonce, an algorithm other than
     * MD5/SHA-256 (the {@code -sess} variants included), or a {@code qop} list without {@code auth} (auth-int
     * only). Never throws.
     */
    public static java.util.Optional<DigestChallenge> parse(String header) {
        java.util.Map<String, String> p = DigestHeaderParser.params(header);
        if (p == null || p.get("realm") == null || p.get("nonce") == null) {
            return java.util.Optional.empty();
        }
        var algorithm = DigestAlgorithm.fromToken(p.get("algorithm"));
        String qop = p.get("qop");
        boolean auth = qop != null
                && java.util.Arrays.stream(qop.split(","))
                        .anyMatch(q -> q.strip().equalsIgnoreCase("auth"));
        if (algorithm.isEmpty() || (qop != null && !auth)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new DigestChallenge(
                p.get("realm"),
                p.get("nonce"),
                p.get("opaque"),
                algorithm.get(),
                auth,
                "true".equalsIgnoreCase(p.get("stale"))));
    }

    /**
     * The strongest challenge of {@code headers} this stack can answer (SHA-256 before MD5, RFC 8760 §2.4: a server
     * offers one challenge per algorithm and the client picks), if any.
     */
    public static java.util.Optional<DigestChallenge> strongest(java.util.List<String> headers) {
        return headers.stream()
                .map(DigestChallenge::parse)
                .flatMap(java.util.Optional::stream)
                .max(java.util.Comparator.comparing(DigestChallenge::algorithm));
    }

    /**
     * The {@code Authorization}/{@code Proxy-Authorization} value answering this challenge (RFC 7616 §3.4, RFC 3261
     * §22.4): with {@code qop=auth}, the nonce count {@code nc} (1 for the first use of this nonce) and the client's
     * {@code cnonce}; without qop, the RFC 2069 form (no nc, no cnonce).
     */
    public String answer(String username, String password, String method, String uri, int nc, String cnonce) {
        String ha1 = algorithm.hex(username + ":" + realm + ":" + password);
        String ha2 = algorithm.hex(method + ":" + uri);
        StringBuilder h = new StringBuilder("Digest username=\"")
                .append(escape(username))
                .append("\", realm=\"")
                .append(escape(realm))
                .append("\", nonce=\"")
                .append(nonce)
                .append("\", uri=\"")
                .append(uri)
                .append("\", algorithm=")
                .append(algorithm.token());
        if (qopAuth) {
            String count = String.format("%08x", nc);
            h.append(", qop=auth, nc=")
                    .append(count)
                    .append(", cnonce=\"")
                    .append(cnonce)
                    .append('"');
            h.append(", response=\"")
                    .append(algorithm.hex(ha1 + ":" + nonce + ":" + count + ":" + cnonce + ":auth:" + ha2))
                    .append('"');
        } else {
            h.append(", response=\"")
                    .append(algorithm.hex(ha1 + ":" + nonce + ":" + ha2))
                    .append('"');
        }
        if (opaque != null) {
            h.append(", opaque=\"").append(escape(opaque)).append('"');
        }
        return h.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
