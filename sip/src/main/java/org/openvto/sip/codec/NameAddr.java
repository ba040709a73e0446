package org.openvto.sip.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The address form of From, To, Contact, Route, Record-Route, Reply-To and similar headers
 * (RFC 3261 §20.10, §25: {@code (name-addr / addr-spec) *(SEMI param)}, plus Contact {@code *}).
 *
 * <p>Accepted: an optional display name as a quoted string (with backslash escapes) or as a sequence
 * of tokens — with or without whitespace before {@code <} (RFC 4475 §3.1.1.6) — followed by
 * {@code <uri>}; or a bare addr-spec, whose {@code ;params} belong to the header, not the URI. LWS is
 * allowed around {@code ;} and {@code =}. Rejected, per RFC 4475 §3.1.2: unterminated quotes, unquoted
 * display names containing non-token characters such as commas, whitespace inside {@code <...>}, a bare
 * URI containing {@code ?} (it must be bracketed), empty parameters, and malformed {@code sip:}/{@code
 * sips:} URIs. URIs of other schemes are only checked for generic {@code scheme:...} syntax and kept as
 * text. Parameter values are kept as written (quoted values keep their quotes); names are matched
 * case-insensitively.
 *
 * <p>{@link #parse(String)} never throws; malformed input yields {@code null} and {@link
 * #whyInvalid(String)} gives the reason. Instances are immutable and thread-safe.
 */
public final class NameAddr {
    private static final NameAddr WILDCARD = new NameAddr(null, "*", false, Collections.emptyMap(), true);

    private final String displayName;
    private final String uri;
    private final boolean bracketed;
    private final Map<String, String> params;
    private final boolean wildcard;

    private NameAddr(String displayName, String uri, boolean bracketed, Map<String, String> params, boolean wildcard) {
        this.displayName = displayName;
        this.uri = uri;
        this.bracketed = bracketed;
        this.params = params;
        this.wildcard = wildcard;
    }

    /** Creates {@code "displayName" <uri>} (display name may be null); the URI is not validated. */
    public static NameAddr of(String displayName, String uri) {
        return new NameAddr(displayName, uri, true, Collections.emptyMap(), false);
    }

    /** Parses one value; {@code null} if malformed. */
    public static NameAddr parse(String value) {
        Lexer lx = new Lexer(value == null ? "" : value);
        return parse(lx);
    }

    /** Why the value is not a valid single name-addr/addr-spec, or {@code null} if it is. */
    public static String whyInvalid(String value) {
        Lexer lx = new Lexer(value == null ? "" : value);
        return parse(lx) == null ? lx.error : null;
    }

    /** Parses a comma-separated list (e.g. a Contact or Route header value); {@code null} if any is malformed. */
    public static List<NameAddr> parseList(String value) {
        List<String> parts = SipHeaders.splitValues(value == null ? "" : value);
        if (parts.isEmpty()) {
            return null;
        }
        List<NameAddr> out = new ArrayList<>(parts.size());
        for (String p : parts) {
            NameAddr na = parse(p);
            if (na == null) {
                return null;
            }
            out.add(na);
        }
        return out;
    }

    static NameAddr parse(Lexer lx) {
        lx.skipLws();
        if (lx.atEnd()) {
            lx.fail("empty address");
            return null;
        }
        String display = null;
        char c = lx.peek();
        if (c == '*') {
            lx.i++;
            lx.skipLws();
            if (!lx.atEnd()) {
                lx.fail("unexpected text after '*'");
                return null;
            }
            return WILDCARD;
        }
        if (c == '"') {
            display = lx.quotedString();
            if (display == null) {
                return null;
            }
            lx.skipLws();
            if (lx.atEnd() || lx.peek() != '<') {
                lx.fail("quoted display name not followed by <URI>");
                return null;
            }
        } else if (c != '<') {
            int start = lx.i;
            int j = start;
            while (j < lx.n && (SipChars.isToken(lx.s.charAt(j)) || SipChars.isLws(lx.s.charAt(j)))) {
                j++;
            }
            if (j < lx.n && lx.s.charAt(j) == '<') {
                display = lx.s.substring(start, j).strip();
                lx.i = j;
            } else if (j < lx.n
                    && lx.s.charAt(j) == ':'
                    && SipChars.isAlpha(lx.s.charAt(start))
                    && !containsLws(lx.s, start, j)) {
                return addrSpec(lx);
            } else {
                lx.fail(
                        j < lx.n
                                ? "unquoted display name contains '" + SipUri.printable(lx.s.charAt(j)) + "'"
                                : "expected <URI> or a URI");
                return null;
            }
        }
        int close = lx.s.indexOf('>', lx.i);
        if (close < 0) {
            lx.fail("missing '>'");
            return null;
        }
        String uri = lx.s.substring(lx.i + 1, close);
        if (uri.isEmpty()) {
            lx.fail("empty <>");
            return null;
        }
        if (containsLws(uri, 0, uri.length())) {
            lx.fail("whitespace inside <URI>");
            return null;
        }
        String err = uriError(uri);
        if (err != null) {
            lx.fail(err);
            return null;
        }
        lx.i = close + 1;
        return finish(lx, display, uri, true);
    }

    private static NameAddr addrSpec(Lexer lx) {
        int start = lx.i;
        while (lx.i < lx.n && lx.s.charAt(lx.i) != ';' && !SipChars.isLws(lx.s.charAt(lx.i))) {
            lx.i++;
        }
        String uri = lx.s.substring(start, lx.i);
        if (uri.indexOf('?') >= 0 || uri.indexOf(',') >= 0) {
            lx.fail("URI containing '?' or ',' must be enclosed in <>");
            return null;
        }
        String err = uriError(uri);
        if (err != null) {
            lx.fail(err);
            return null;
        }
        return finish(lx, null, uri, false);
    }

    private static NameAddr finish(Lexer lx, String display, String uri, boolean bracketed) {
        Map<String, String> params = lx.params();
        if (params == null) {
            return null;
        }
        lx.skipLws();
        if (!lx.atEnd()) {
            lx.fail("unexpected character '" + SipUri.printable(lx.peek()) + "' after address");
            return null;
        }
        return new NameAddr(display, uri, bracketed, params, false);
    }

    private static String uriError(String uri) {
        if (SipUri.hasSipScheme(uri)) {
            String why = SipUri.whyInvalid(uri);
            return why == null ? null : "bad SIP URI: " + why;
        }
        return SipUri.absoluteUriError(uri);
    }

    private static boolean containsLws(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (SipChars.isLws(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** The unquoted, unescaped display name, or {@code null} if there is none. */
    public String displayName() {
        return displayName;
    }

    /** The URI text ({@code "*"} for a wildcard Contact). */
    public String uri() {
        return uri;
    }

    /** The URI parsed as SIP/SIPS, or {@code null} for other schemes and the wildcard. */
    public SipUri sipUri() {
        return wildcard ? null : SipUri.parse(uri);
    }

    /** True if the URI was written in angle brackets. */
    public boolean isBracketed() {
        return bracketed;
    }

    /** True for Contact {@code *}. */
    public boolean isWildcard() {
        return wildcard;
    }

    /** Header parameters in order, lower-cased names; valueless parameters map to "". */
    public Map<String, String> params() {
        return params;
    }

    /** A header parameter as written ("" if valueless), or {@code null}. */
    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** The {@code tag} parameter, or {@code null}. */
    public String tag() {
        return params.get("tag");
    }

    /** The Contact {@code expires} parameter in seconds; -1 if absent or not a valid delta-seconds. */
    public long expires() {
        String v = params.get("expires");
        if (v == null) {
            return -1;
        }
        long e = SipChars.parseUnsigned(v, 0xFFFF_FFFFL);
        return e < 0 ? -1 : e;
    }

    /** A copy with {@code name=value} set (value may be "" for a flag); for adding a To tag, say. */
    public NameAddr withParam(String name, String value) {
        if (!SipChars.isToken(name) || (!value.isEmpty() && !SipChars.isToken(value))) {
            throw new IllegalArgumentException("parameter name and value must be tokens");
        }
        var copy = new java.util.LinkedHashMap<>(params);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new NameAddr(displayName, uri, bracketed || wildcard, Collections.unmodifiableMap(copy), wildcard);
    }

    /** Renders the canonical form: {@code "Display" <uri>;p=v} (always bracketed unless wildcard). */
    @Override
    public String toString() {
        if (wildcard) {
            return "*";
        }
        StringBuilder sb = new StringBuilder(uri.length() + 32);
        if (displayName != null && !displayName.isEmpty()) {
            sb.append('"');
            for (int k = 0; k < displayName.length(); k++) {
                char c = displayName.charAt(k);
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            sb.append("\" ");
        }
        sb.append('<').append(uri).append('>');
        for (var e : params.entrySet()) {
            sb.append(';').append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append('=').append(e.getValue());
            }
        }
        return sb.toString();
    }
}
