package org.openvto.sip.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Via header value (RFC 3261 §20.42): {@code sent-protocol LWS sent-by *(SEMI via-params)}.
 *
 * <p>LWS is tolerated around {@code /}, {@code :}, {@code ;} and {@code =} (RFC 4475 §3.1.1.1), any
 * transport token is accepted (§3.1.1.10), and a missing branch is allowed (RFC 2543 peers, §3.4).
 * The host keeps IPv6 brackets; parameter values keep their written form, so {@code received} may be a
 * bracketed IPv6 address (RFC 5118 §4.5). {@link #parse(String)} never throws and returns {@code null}
 * for malformed input, {@link #whyInvalid(String)} says why. Immutable and thread-safe.
 */
public final class SipVia {
    /** The RFC 3261 branch prefix of transactions that follow §17.2.3 matching. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    private final String protocolName;
    private final String protocolVersion;
    private final String transport;
    private final String host;
    private final int port;
    private final Map<String, String> params;

    private SipVia(
            String protocolName,
            String protocolVersion,
            String transport,
            String host,
            int port,
            Map<String, String> params) {
        this.protocolName = protocolName;
        this.protocolVersion = protocolVersion;
        this.transport = transport;
        this.host = host;
        this.port = port;
        this.params = params;
    }

    /**
     * Creates {@code SIP/2.0/<transport> host[:port];branch=...} plus the given extra parameters (e.g.
     * {@code rport} with value ""). Arguments are not validated beyond being non-null.
     */
    public static SipVia of(String transport, String host, int port, String branch, Map<String, String> extra) {
        Map<String, String> p = new LinkedHashMap<>();
        if (branch != null) {
            p.put("branch", branch);
        }
        if (extra != null) {
            extra.forEach((k, v) -> p.put(k.toLowerCase(Locale.ROOT), v));
        }
        return new SipVia("SIP", "2.0", transport.toUpperCase(Locale.ROOT), host, port, Collections.unmodifiableMap(p));
    }

    /** Parses a single Via value (split comma lists first); {@code null} if malformed. */
    public static SipVia parse(String value) {
        Lexer lx = new Lexer(value == null ? "" : value);
        return parse(lx);
    }

    /** Why the value is not a valid single Via value, or {@code null} if it is. */
    public static String whyInvalid(String value) {
        Lexer lx = new Lexer(value == null ? "" : value);
        return parse(lx) == null ? lx.error : null;
    }

    /** Parses a comma-separated list of Via values; {@code null} if any is malformed or the list is empty. */
    public static List<SipVia> parseList(String value) {
        List<String> parts = SipHeaders.splitValues(value == null ? "" : value);
        if (parts.isEmpty()) {
            return null;
        }
        List<SipVia> out = new ArrayList<>(parts.size());
        for (String p : parts) {
            SipVia v = parse(p);
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    static SipVia parse(Lexer lx) {
        lx.skipLws();
        String name = lx.token();
        lx.skipLws();
        if (name.isEmpty() || lx.atEnd() || lx.peek() != '/') {
            lx.fail("bad sent-protocol");
            return null;
        }
        lx.i++;
        lx.skipLws();
        String version = lx.token();
        lx.skipLws();
        if (version.isEmpty() || lx.atEnd() || lx.peek() != '/') {
            lx.fail("bad sent-protocol");
            return null;
        }
        lx.i++;
        lx.skipLws();
        String transport = lx.token();
        if (transport.isEmpty()) {
            lx.fail("missing transport");
            return null;
        }
        int beforeLws = lx.i;
        lx.skipLws();
        if (lx.i == beforeLws || lx.atEnd()) {
            lx.fail("missing sent-by");
            return null;
        }
        int hs = lx.i;
        if (lx.peek() == '[') {
            int close = lx.s.indexOf(']', hs);
            if (close < 0) {
                lx.fail("unterminated IPv6 reference in sent-by");
                return null;
            }
            for (int k = hs + 1; k < close; k++) {
                char c = lx.s.charAt(k);
                if (!SipChars.isHex(c) && c != ':' && c != '.') {
                    lx.fail("illegal character in IPv6 reference");
                    return null;
                }
            }
            lx.i = close + 1;
        } else {
            while (!lx.atEnd() && SipChars.isHostChar(lx.peek())) {
                lx.i++;
            }
        }
        if (lx.i == hs) {
            lx.fail("missing sent-by host");
            return null;
        }
        String host = lx.s.substring(hs, lx.i);
        int port = -1;
        int save = lx.i;
        lx.skipLws();
        if (!lx.atEnd() && lx.peek() == ':') {
            lx.i++;
            lx.skipLws();
            int ps = lx.i;
            while (!lx.atEnd() && SipChars.isDigit(lx.peek())) {
                lx.i++;
            }
            long p = SipChars.parseUnsigned(lx.s, ps, lx.i, 65535);
            if (p < 0) {
                lx.fail(p == -2 ? "sent-by port out of range" : "missing sent-by port");
                return null;
            }
            port = (int) p;
        } else {
            lx.i = save;
        }
        Map<String, String> params = lx.params();
        if (params == null) {
            return null;
        }
        lx.skipLws();
        if (!lx.atEnd()) {
            lx.fail("unexpected character '" + SipUri.printable(lx.peek()) + "' in Via");
            return null;
        }
        return new SipVia(name, version, transport, host, port, params);
    }

    public String protocolName() {
        return protocolName;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    /** Transport token as written, e.g. {@code UDP}, {@code TCP}, {@code TLS}, {@code WS}. */
    public String transport() {
        return transport;
    }

    /** sent-by host as written (IPv6 references keep their brackets). */
    public String host() {
        return host;
    }

    /** sent-by port, or -1 if absent. */
    public int port() {
        return port;
    }

    /** {@code host} or {@code host:port}. */
    public String sentBy() {
        return port < 0 ? host : host + ":" + port;
    }

    /** Via parameters in order, lower-cased names; valueless parameters map to "". */
    public Map<String, String> params() {
        return params;
    }

    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** The branch parameter, or {@code null}. */
    public String branch() {
        return params.get("branch");
    }

    /** True if the branch starts with the RFC 3261 magic cookie and has something after it. */
    public boolean hasRfc3261Branch() {
        String b = branch();
        return b != null && b.length() > MAGIC_COOKIE.length() && b.startsWith(MAGIC_COOKIE);
    }

    /** The {@code received} parameter, or {@code null}. */
    public String received() {
        return params.get("received");
    }

    /** True if an {@code rport} parameter is present (with or without value, RFC 3581). */
    public boolean hasRport() {
        return params.containsKey("rport");
    }

    /** The rport value; 0 if present without value; -1 if absent or not a port number. */
    public int rport() {
        String v = params.get("rport");
        if (v == null) {
            return -1;
        }
        if (v.isEmpty()) {
            return 0;
        }
        long p = SipChars.parseUnsigned(v, 65535);
        return p < 0 ? -1 : (int) p;
    }

    /** The host responses for this hop go to (§18.2.2): {@code received} if present, else the sent-by host. */
    public String responseHost() {
        return received() != null ? received() : host();
    }

    /** The port responses for this hop go to (RFC 3581 §4): a valued {@code rport}, else the sent-by port, else 5060. */
    public int responsePort() {
        int r = rport();
        return r > 0 ? r : port() > 0 ? port() : 5060;
    }

    /** The {@code maddr} parameter, or {@code null}. */
    public String maddr() {
        return params.get("maddr");
    }

    /** Renders {@code SIP/2.0/UDP host:port;p=v} in canonical spacing. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        sb.append(protocolName)
                .append('/')
                .append(protocolVersion)
                .append('/')
                .append(transport)
                .append(' ')
                .append(sentBy());
        for (var e : params.entrySet()) {
            sb.append(';').append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append('=').append(e.getValue());
            }
        }
        return sb.toString();
    }
}
