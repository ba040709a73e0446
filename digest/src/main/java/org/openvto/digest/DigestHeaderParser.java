package org.openvto.digest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code Digest} credentials (RFC 7616 §3.4, RFC 3261 §25 {@code digest-response}).
 *
 * <p>Accepts quoted-strings with backslash escapes, unquoted tokens, optional whitespace around
 * {@code =} and {@code ,}, and any parameter order. Rejects duplicates, missing mandatory
 * parameters, {@code qop} without {@code cnonce}/{@code nc}, and headers longer than
 * {@link #MAX_LENGTH}. Stateless and thread-safe.
 */
public final class DigestHeaderParser {
    /** Longest header value accepted; real clients send a few hundred bytes. */
    public static final int MAX_LENGTH = 4096;

    private DigestHeaderParser() {}

    public static DigestParseResult parse(String header) {
        if (header == null) {
            return new DigestParseResult.Malformed("no Authorization header");
        }
        if (header.length() > MAX_LENGTH) {
            return new DigestParseResult.Malformed("Authorization header longer than " + MAX_LENGTH);
        }
        String trimmed = header.strip();
        if (trimmed.length() < 7
                || !trimmed.regionMatches(true, 0, "Digest", 0, 6)
                || !Character.isWhitespace(trimmed.charAt(6))) {
            return new DigestParseResult.Malformed("not a Digest scheme");
        }
        Map<String, String> params = new HashMap<>();
        String error = parseParams(trimmed.substring(7), params);
        if (error != null) {
            return new DigestParseResult.Malformed(error);
        }
        return build(params);
    }

    /**
     * The parameters of a {@code Digest} challenge or credentials after the scheme word, names lower-cased and
     * values unquoted, or {@code null} when {@code header} is not a well-formed Digest header of at most {@link
     * #MAX_LENGTH} characters (for {@link DigestChallenge#parse}).
     */
    static Map<String, String> params(String header) {
        if (header == null || header.length() > MAX_LENGTH) {
            return null;
        }
        String trimmed = header.strip();
        if (trimmed.length() < 7
                || !trimmed.regionMatches(true, 0, "Digest", 0, 6)
                || !Character.isWhitespace(trimmed.charAt(6))) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        return parseParams(trimmed.substring(7), params) == null ? params : null;
    }

    private static String parseParams(String s, Map<String, String> out) {
        int i = 0;
        int n = s.length();
        while (true) {
            i = skipSeparators(s, i);
            if (i >= n) {
                return null;
            }
            int nameStart = i;
            while (i < n && isTokenChar(s.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                return "unexpected character '" + s.charAt(i) + "' at " + i;
            }
            String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipSpace(s, i);
            if (i >= n || s.charAt(i) != '=') {
                return "parameter '" + name + "' has no value";
            }
            i = skipSpace(s, i + 1);
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(s.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    return "unterminated quoted value for '" + name + "'";
                }
            } else {
                int start = i;
                while (i < n && isTokenChar(s.charAt(i))) {
                    i++;
                }
                value.append(s, start, i);
            }
            if (out.put(name, value.toString()) != null) {
                return "duplicate parameter '" + name + "'";
            }
            i = skipSpace(s, i);
            if (i < n && s.charAt(i) != ',') {
                return "expected ',' after '" + name + "'";
            }
        }
    }

    private static DigestParseResult build(Map<String, String> p) {
        for (String required : new String[] {"username", "realm", "nonce", "uri", "response"}) {
            if (p.get(required) == null) {
                return new DigestParseResult.Malformed("missing '" + required + "'");
            }
        }
        var algorithm = DigestAlgorithm.fromToken(p.get("algorithm"));
        if (algorithm.isEmpty()) {
            return new DigestParseResult.Malformed("unsupported algorithm '" + p.get("algorithm") + "'");
        }
        String qop = p.get("qop");
        if (qop != null && !qop.equalsIgnoreCase("auth")) {
            return new DigestParseResult.Malformed("unsupported qop '" + qop + "'");
        }
        if (qop != null && (p.get("cnonce") == null || p.get("nc") == null)) {
            return new DigestParseResult.Malformed("qop=auth requires cnonce and nc");
        }
        String nc = p.get("nc");
        if (nc != null && !nc.matches("[0-9a-fA-F]{8}")) {
            return new DigestParseResult.Malformed("nc must be 8 hex digits");
        }
        return new DigestParseResult.Parsed(new DigestResponse(
                p.get("username"),
                p.get("realm"),
                p.get("nonce"),
                p.get("uri"),
                p.get("response"),
                algorithm.get(),
                qop == null ? null : "auth",
                p.get("cnonce"),
                nc,
                p.get("opaque")));
    }

    private static int skipSeparators(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** RFC 7230 tchar plus '/' and ':' which unquoted URIs and some clients use. */
    private static boolean isTokenChar(char c) {
        return c > 32 && c < 127 && "\"(),;<=>?@[\\]{}".indexOf(c) < 0 || c == '/' || c == ':' || c == '?' || c == '@';
    }
}
