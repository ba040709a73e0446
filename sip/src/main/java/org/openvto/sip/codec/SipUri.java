package org.openvto.sip.codec;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code sip:} or {@code sips:} URI (RFC 3261 §19.1, §25).
 *
 * <p>Grammar accepted: {@code sip[s]:[user[:password]@]host[:port][;param[=value]]*[?headers]}.
 * The user part may contain the user-unreserved characters {@code & = + $ , ; ? /} (RFC 4475 §3.1.1.2,
 * §3.1.1.9), so the userinfo ends at the first {@code @} — a literal {@code @} elsewhere must be escaped.
 * An unescaped {@code #} in the user part is accepted leniently and read as {@code %23} ({@code sip:101#0@VDP}:
 * the room-device separator of this system, which some phones and scripts send raw).
 * {@code %HH} escapes in user, password and parameters are decoded exactly once ({@code %25%34%31}
 * becomes {@code %41}, never {@code A}; RFC 4475 §3.1.1.3); {@code %00} decodes to U+0000 and does not
 * truncate anything. Decoded escapes are interpreted as UTF-8. The host keeps its written form including
 * the brackets of an IPv6 reference; {@link #port()} is -1 when absent. Parameter names are matched
 * case-insensitively. {@link #toString()} returns the URI exactly as parsed.
 *
 * <p>{@link #parse(String)} never throws: malformed input yields {@code null}, and
 * {@link #whyInvalid(String)} explains why. Instances are immutable and thread-safe.
 */
public final class SipUri {
    private final String raw;
    private final boolean secure;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final Map<String, String> params;
    private final String headers;

    private SipUri(
            String raw,
            boolean secure,
            String user,
            String password,
            String host,
            int port,
            Map<String, String> params,
            String headers) {
        this.raw = raw;
        this.secure = secure;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.params = params;
        this.headers = headers;
    }

    /** Parses a SIP or SIPS URI; {@code null} if the text is not one or is malformed. */
    public static SipUri parse(String text) {
        Parser p = new Parser(text);
        return p.parse();
    }

    /** Why {@code text} is not a valid SIP/SIPS URI, or {@code null} if it is. */
    public static String whyInvalid(String text) {
        Parser p = new Parser(text);
        return p.parse() == null ? p.error : null;
    }

    /** True for {@code sips:}. */
    public boolean isSecure() {
        return secure;
    }

    public String scheme() {
        return secure ? "sips" : "sip";
    }

    /** The decoded user part, or {@code null} if the URI has none. */
    public String user() {
        return user;
    }

    /** The decoded password, or {@code null}. */
    public String password() {
        return password;
    }

    /** Host as written: a domain name, IPv4 address, or bracketed IPv6 reference like {@code [2001:db8::1]}. */
    public String host() {
        return host;
    }

    /** True if the host is a bracketed IPv6 reference. */
    public boolean isIpv6Reference() {
        return host.charAt(0) == '[';
    }

    /** Port, or -1 if absent. */
    public int port() {
        return port;
    }

    /** URI parameters in order, keyed by lower-cased decoded name; valueless parameters map to "". */
    public Map<String, String> params() {
        return params;
    }

    /** Value of a URI parameter ("" if present without value), or {@code null}. */
    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean hasParam(String name) {
        return params.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The {@code transport} parameter, or {@code null}. */
    public String transport() {
        return param("transport");
    }

    /** True if the {@code lr} parameter is present (loose routing, RFC 3261 §16.12.1). */
    public boolean isLooseRouting() {
        return hasParam("lr");
    }

    /** The raw (still escaped) header part after {@code ?}, or {@code null}. */
    public String headers() {
        return headers;
    }

    /** {@code user@host} (decoded user) or {@code host} — handy as an address-of-record key. */
    public String userAtHost() {
        return user == null ? host : user + "@" + host;
    }

    @Override
    public String toString() {
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipUri u && u.raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    /** Checks RFC 3986 {@code scheme ":" ...} syntax of any absolute URI (no whitespace, no {@code <>"}). */
    static String absoluteUriError(String s) {
        int n = s.length();
        if (n == 0 || !SipChars.isAlpha(s.charAt(0))) {
            return "URI does not start with a scheme";
        }
        int i = 1;
        while (i < n && SipChars.isSchemeChar(s.charAt(i))) {
            i++;
        }
        if (i >= n || s.charAt(i) != ':') {
            return "URI has no scheme";
        }
        if (i + 1 >= n) {
            return "URI is empty after the scheme";
        }
        for (int j = i + 1; j < n; j++) {
            char c = s.charAt(j);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7f) {
                return "illegal character in URI";
            }
        }
        return null;
    }

    /** True if the text starts with {@code sip:} or {@code sips:} (case-insensitive). */
    static boolean hasSipScheme(String s) {
        return s.regionMatches(true, 0, "sip:", 0, 4) || s.regionMatches(true, 0, "sips:", 0, 5);
    }

    private static final class Parser {
        private final String s;
        private final int n;
        private int i;
        String error;

        Parser(String s) {
            this.s = s == null ? "" : s;
            this.n = this.s.length();
        }

        SipUri parse() {
            boolean secure;
            if (s.regionMatches(true, 0, "sip:", 0, 4)) {
                secure = false;
                i = 4;
            } else if (s.regionMatches(true, 0, "sips:", 0, 5)) {
                secure = true;
                i = 5;
            } else {
                return fail("not a sip: or sips: URI");
            }
            String user = null;
            String password = null;
            int at = s.indexOf('@', i);
            if (at >= 0) {
                int colon = -1;
                for (int j = i; j < at; j++) {
                    char c = s.charAt(j);
                    if (c == ':' && colon < 0) {
                        colon = j;
                    } else if (c == '%') {
                        if (j + 2 >= at || !SipChars.isHex(s.charAt(j + 1)) || !SipChars.isHex(s.charAt(j + 2))) {
                            return fail("bad %-escape in userinfo");
                        }
                        j += 2;
                    } else if (c == '#' && colon < 0) {
                        // lenient: an unescaped '#' (sip:101#0@VDP) is this system's room-device separator and
                        // some phones and scripts send it raw; Kamailio accepts it too. Read as %23.
                    } else if (colon < 0 ? !SipChars.isUserChar(c) : !SipChars.isPasswordChar(c)) {
                        return fail("illegal character '" + printable(c) + "' in " + (colon < 0 ? "user" : "password"));
                    }
                }
                int userEnd = colon < 0 ? at : colon;
                if (userEnd == i) {
                    return fail("empty user part");
                }
                user = unescape(s, i, userEnd);
                password = colon < 0 ? null : unescape(s, colon + 1, at);
                i = at + 1;
            }
            int hostStart = i;
            if (i < n && s.charAt(i) == '[') {
                int close = s.indexOf(']', i);
                if (close < 0) {
                    return fail("unterminated IPv6 reference");
                }
                if (close == i + 1) {
                    return fail("empty IPv6 reference");
                }
                for (int j = i + 1; j < close; j++) {
                    char c = s.charAt(j);
                    if (!SipChars.isHex(c) && c != ':' && c != '.') {
                        return fail("illegal character in IPv6 reference");
                    }
                }
                i = close + 1;
            } else {
                while (i < n && SipChars.isHostChar(s.charAt(i))) {
                    i++;
                }
                if (i == hostStart) {
                    return fail("missing host");
                }
            }
            String host = s.substring(hostStart, i);
            int port = -1;
            if (i < n && s.charAt(i) == ':') {
                int ps = ++i;
                while (i < n && SipChars.isDigit(s.charAt(i))) {
                    i++;
                }
                long p = SipChars.parseUnsigned(s, ps, i, 65535);
                if (p < 0) {
                    return fail(p == -2 ? "port out of range" : "missing port after ':'");
                }
                port = (int) p;
            }
            Map<String, String> params = Collections.emptyMap();
            while (i < n && s.charAt(i) == ';') {
                i++;
                int ns = i;
                if (!scanParamChars()) {
                    return null;
                }
                if (i == ns) {
                    return fail("empty URI parameter name");
                }
                String name = unescape(s, ns, i).toLowerCase(Locale.ROOT);
                String value = "";
                if (i < n && s.charAt(i) == '=') {
                    int vs = ++i;
                    if (!scanParamChars()) {
                        return null;
                    }
                    if (i == vs) {
                        return fail("empty value of URI parameter '" + name + "'");
                    }
                    value = unescape(s, vs, i);
                }
                if (params.isEmpty()) {
                    params = new LinkedHashMap<>(4);
                }
                params.putIfAbsent(name, value);
            }
            String headers = null;
            if (i < n && s.charAt(i) == '?') {
                int hs = ++i;
                while (i < n) {
                    char c = s.charAt(i);
                    if (c == '%') {
                        if (i + 2 >= n || !SipChars.isHex(s.charAt(i + 1)) || !SipChars.isHex(s.charAt(i + 2))) {
                            return fail("bad %-escape in URI headers");
                        }
                        i += 3;
                    } else if (SipChars.isHeaderChar(c) || c == '=' || c == '&') {
                        i++;
                    } else {
                        return fail("illegal character '" + printable(c) + "' in URI headers");
                    }
                }
                if (i == hs) {
                    return fail("empty URI headers after '?'");
                }
                headers = s.substring(hs, i);
            }
            if (i != n) {
                return fail("illegal character '" + printable(s.charAt(i)) + "' in URI");
            }
            Map<String, String> frozen = params.isEmpty() ? params : Collections.unmodifiableMap(params);
            return new SipUri(s, secure, user, password, host, port, frozen, headers);
        }

        private boolean scanParamChars() {
            while (i < n) {
                char c = s.charAt(i);
                if (c == '%') {
                    if (i + 2 >= n || !SipChars.isHex(s.charAt(i + 1)) || !SipChars.isHex(s.charAt(i + 2))) {
                        fail("bad %-escape in URI parameter");
                        return false;
                    }
                    i += 3;
                } else if (SipChars.isParamChar(c)) {
                    i++;
                } else {
                    return true;
                }
            }
            return true;
        }

        private SipUri fail(String why) {
            if (error == null) {
                error = why;
            }
            return null;
        }
    }

    static String printable(char c) {
        return c >= ' ' && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c);
    }

    /** Decodes {@code %HH} escapes in {@code s[from, to)} once; escapes were validated by the caller. */
    static String unescape(String s, int from, int to) {
        int pct = s.indexOf('%', from);
        if (pct < 0 || pct >= to) {
            return s.substring(from, to);
        }
        byte[] out = new byte[(to - from) * 3];
        int w = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < to) {
                out[w++] = (byte) (SipChars.hexValue(s.charAt(i + 1)) << 4 | SipChars.hexValue(s.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                out[w++] = (byte) c;
            } else {
                // unreachable for validated input (URI characters are ASCII); keep the char losslessly
                byte[] enc = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(enc, 0, out, w, Math.min(enc.length, out.length - w));
                w += Math.min(enc.length, out.length - w);
            }
        }
        return new String(out, 0, w, StandardCharsets.UTF_8);
    }
}
