package org.openvto.sip.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A cursor over one header value with the RFC 3261 §25 lexical rules shared by the value parsers. */
final class Lexer {
    final String s;
    final int n;
    int i;
    String error;

    Lexer(String s) {
        this.s = s;
        this.n = s.length();
    }

    void skipLws() {
        i = SipChars.skipLws(s, i, n);
    }

    boolean atEnd() {
        return i >= n;
    }

    char peek() {
        return s.charAt(i);
    }

    /** Consumes a (possibly empty) token. */
    String token() {
        int start = i;
        while (i < n && SipChars.isToken(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    /** Consumes a quoted string at the cursor (which is on '"'); returns the unescaped content or null. */
    String quotedString() {
        StringBuilder sb = null;
        int start = ++i;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                String v = sb == null
                        ? s.substring(start, i)
                        : sb.append(s, start, i).toString();
                i++;
                return v;
            }
            if (c == '\\') {
                if (i + 1 >= n || s.charAt(i + 1) == '\r' || s.charAt(i + 1) == '\n') {
                    break;
                }
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(s, start, i).append(s.charAt(i + 1));
                i += 2;
                start = i;
            } else {
                i++;
            }
        }
        fail("unterminated quoted string");
        return null;
    }

    /** Consumes a quoted string and returns it as written, quotes included; null if unterminated. */
    String rawQuotedString() {
        int start = i;
        return quotedString() == null ? null : s.substring(start, i);
    }

    /**
     * Parses {@code *( SEMI generic-param )} with LWS allowed around ';' and '='. Names are tokens
     * (lower-cased as keys); values are tokens, bracketed IPv6 references or quoted strings kept with
     * their quotes. Returns an unmodifiable map (empty if none), or null on a syntax error.
     */
    Map<String, String> params() {
        Map<String, String> out = null;
        while (true) {
            int save = i;
            skipLws();
            if (atEnd() || peek() != ';') {
                i = save;
                break;
            }
            i++;
            skipLws();
            String name = token();
            if (name.isEmpty()) {
                fail(
                        atEnd() || peek() == ';' || peek() == ','
                                ? "empty parameter"
                                : "illegal character '" + SipUri.printable(peek()) + "' in parameter name");
                return null;
            }
            String value = "";
            int afterName = i;
            skipLws();
            if (!atEnd() && peek() == '=') {
                i++;
                skipLws();
                if (atEnd()) {
                    fail("parameter '" + name + "' has no value");
                    return null;
                }
                char c = peek();
                if (c == '"') {
                    value = rawQuotedString();
                    if (value == null) {
                        return null;
                    }
                } else if (c == '[') {
                    int close = s.indexOf(']', i);
                    if (close < 0) {
                        fail("unterminated IPv6 reference in parameter '" + name + "'");
                        return null;
                    }
                    value = s.substring(i, close + 1);
                    i = close + 1;
                } else if (ADDRESS_PARAMS.contains(name.toLowerCase(Locale.ROOT)) && SipChars.isHex(c)) {
                    value = address(); // received=2001:db8::1 (RFC 3261 §25: IPv6address unbracketed)
                } else {
                    value = token();
                    if (value.isEmpty()) {
                        fail("parameter '" + name + "' has no value");
                        return null;
                    }
                }
            } else {
                i = afterName;
            }
            if (out == null) {
                out = new LinkedHashMap<>(4);
            }
            out.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
        return out == null ? Collections.emptyMap() : Collections.unmodifiableMap(out);
    }

    /** Via parameters whose value is an IP address, which RFC 3261 writes without brackets when IPv6. */
    private static final java.util.Set<String> ADDRESS_PARAMS = java.util.Set.of("received", "maddr");

    /** Consumes a token or an unbracketed IPv6 address (hex digits, ':' and '.'). */
    private String address() {
        int start = i;
        while (i < n && (SipChars.isToken(s.charAt(i)) || s.charAt(i) == ':')) {
            i++;
        }
        return s.substring(start, i);
    }

    boolean fail(String why) {
        if (error == null) {
            error = why;
        }
        return false;
    }
}
