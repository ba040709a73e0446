package org.openvto.sip.codec;

import java.util.Locale;

/**
 * Canonical SIP header field names and their RFC 3261 §7.3.3 compact forms.
 *
 * <p>Header names are case-insensitive. Every known name (full or compact, any case) maps to one
 * canonical spelling ({@code "v"}, {@code "VIA"} → {@code "Via"}) and one lower-case lookup key
 * ({@code "via"}). Lookup is a small open-addressing table keyed by a case-folded hash, usable directly
 * on wire bytes, so decoding a known header name allocates nothing. Unknown (extension) names keep
 * their original spelling and use their lower-cased form as key. Immutable and thread-safe.
 */
public final class SipHeaderNames {
    public static final String ACCEPT = "Accept";
    public static final String ACCEPT_ENCODING = "Accept-Encoding";
    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String ALERT_INFO = "Alert-Info";
    public static final String ALLOW = "Allow";
    public static final String ALLOW_EVENTS = "Allow-Events";
    public static final String AUTHENTICATION_INFO = "Authentication-Info";
    public static final String AUTHORIZATION = "Authorization";
    public static final String CALL_ID = "Call-ID";
    public static final String CALL_INFO = "Call-Info";
    public static final String CONTACT = "Contact";
    public static final String CONTENT_DISPOSITION = "Content-Disposition";
    public static final String CONTENT_ENCODING = "Content-Encoding";
    public static final String CONTENT_LANGUAGE = "Content-Language";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CSEQ = "CSeq";
    public static final String DATE = "Date";
    public static final String ERROR_INFO = "Error-Info";
    public static final String EVENT = "Event";
    public static final String EXPIRES = "Expires";
    public static final String FROM = "From";
    public static final String IDENTITY = "Identity";
    public static final String IN_REPLY_TO = "In-Reply-To";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String MIME_VERSION = "MIME-Version";
    public static final String MIN_EXPIRES = "Min-Expires";
    public static final String MIN_SE = "Min-SE";
    public static final String ORGANIZATION = "Organization";
    public static final String PATH = "Path";
    public static final String PRIORITY = "Priority";
    public static final String PRIVACY = "Privacy";
    public static final String P_ASSERTED_IDENTITY = "P-Asserted-Identity";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String PROXY_REQUIRE = "Proxy-Require";
    public static final String RACK = "RAck";
    public static final String REASON = "Reason";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String REFER_TO = "Refer-To";
    public static final String REFERRED_BY = "Referred-By";
    public static final String REPLY_TO = "Reply-To";
    public static final String REQUIRE = "Require";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String ROUTE = "Route";
    public static final String RSEQ = "RSeq";
    public static final String SERVER = "Server";
    public static final String SERVICE_ROUTE = "Service-Route";
    public static final String SESSION_EXPIRES = "Session-Expires";
    public static final String SUBJECT = "Subject";
    public static final String SUBSCRIPTION_STATE = "Subscription-State";
    public static final String SUPPORTED = "Supported";
    public static final String TIMESTAMP = "Timestamp";
    public static final String TO = "To";
    public static final String UNSUPPORTED = "Unsupported";
    public static final String USER_AGENT = "User-Agent";
    public static final String VIA = "Via";
    public static final String WARNING = "Warning";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private static final String[] KNOWN = {
        ACCEPT,
        ACCEPT_ENCODING,
        ACCEPT_LANGUAGE,
        ALERT_INFO,
        ALLOW,
        ALLOW_EVENTS,
        AUTHENTICATION_INFO,
        AUTHORIZATION,
        CALL_ID,
        CALL_INFO,
        CONTACT,
        CONTENT_DISPOSITION,
        CONTENT_ENCODING,
        CONTENT_LANGUAGE,
        CONTENT_LENGTH,
        CONTENT_TYPE,
        CSEQ,
        DATE,
        ERROR_INFO,
        EVENT,
        EXPIRES,
        FROM,
        IDENTITY,
        IN_REPLY_TO,
        MAX_FORWARDS,
        MIME_VERSION,
        MIN_EXPIRES,
        MIN_SE,
        ORGANIZATION,
        PATH,
        PRIORITY,
        PRIVACY,
        P_ASSERTED_IDENTITY,
        PROXY_AUTHENTICATE,
        PROXY_AUTHORIZATION,
        PROXY_REQUIRE,
        RACK,
        REASON,
        RECORD_ROUTE,
        REFER_TO,
        REFERRED_BY,
        REPLY_TO,
        REQUIRE,
        RETRY_AFTER,
        ROUTE,
        RSEQ,
        SERVER,
        SERVICE_ROUTE,
        SESSION_EXPIRES,
        SUBJECT,
        SUBSCRIPTION_STATE,
        SUPPORTED,
        TIMESTAMP,
        TO,
        UNSUPPORTED,
        USER_AGENT,
        VIA,
        WARNING,
        WWW_AUTHENTICATE
    };

    /** Compact forms: RFC 3261 §7.3.3 (i m e l c f s k t v) and later RFCs (o r b u x y). */
    private static final String[][] COMPACT = {
        {"i", CALL_ID},
        {"m", CONTACT},
        {"e", CONTENT_ENCODING},
        {"l", CONTENT_LENGTH},
        {"c", CONTENT_TYPE},
        {"f", FROM},
        {"s", SUBJECT},
        {"k", SUPPORTED},
        {"t", TO},
        {"v", VIA},
        {"o", EVENT},
        {"r", REFER_TO},
        {"b", REFERRED_BY},
        {"u", ALLOW_EVENTS},
        {"x", SESSION_EXPIRES},
        {"y", IDENTITY}
    };

    private static final int TABLE_SIZE = 512;
    private static final String[] MATCH = new String[TABLE_SIZE];
    private static final String[] CANONICAL = new String[TABLE_SIZE];
    private static final String[] KEY = new String[TABLE_SIZE];
    private static final String[] COMPACT_OF = new String[TABLE_SIZE];

    static {
        for (String name : KNOWN) {
            put(name, name, name.toLowerCase(Locale.ROOT).intern());
        }
        for (String[] c : COMPACT) {
            int slot = find(c[1]);
            put(c[0], CANONICAL[slot], KEY[slot]);
            COMPACT_OF[slot] = c[0];
        }
    }

    private SipHeaderNames() {}

    private static void put(String match, String canonical, String key) {
        int slot = hash(match) & (TABLE_SIZE - 1);
        while (MATCH[slot] != null) {
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        MATCH[slot] = match;
        CANONICAL[slot] = canonical;
        KEY[slot] = key;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static int mix(int h) {
        return h ^ (h >>> 7) ^ (h >>> 13);
    }

    private static int hash(CharSequence s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + lower(s.charAt(i));
        }
        return mix(h);
    }

    private static int find(CharSequence s) {
        int slot = hash(s) & (TABLE_SIZE - 1);
        while (MATCH[slot] != null) {
            String m = MATCH[slot];
            if (m.length() == s.length()) {
                int i = 0;
                while (i < m.length() && m.charAt(i) == lower(s.charAt(i))) {
                    i++;
                }
                if (i == m.length() || equalsIgnoreCase(m, s)) {
                    return slot;
                }
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        return -1;
    }

    private static boolean equalsIgnoreCase(String m, CharSequence s) {
        for (int i = 0; i < m.length(); i++) {
            if (lower(m.charAt(i)) != lower(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Table slot of a known name spelled in {@code b[from, to)}, or -1. Allocation-free. */
    static int find(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + lower(b[i] & 0xff);
        }
        int len = to - from;
        int slot = mix(h) & (TABLE_SIZE - 1);
        while (MATCH[slot] != null) {
            String m = MATCH[slot];
            if (m.length() == len) {
                int i = 0;
                while (i < len && lower(m.charAt(i)) == lower(b[from + i] & 0xff)) {
                    i++;
                }
                if (i == len) {
                    return slot;
                }
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        return -1;
    }

    static String canonicalAt(int slot) {
        return CANONICAL[slot];
    }

    static String keyAt(int slot) {
        return KEY[slot];
    }

    /**
     * The canonical spelling of a header name: known full or compact names in any case become the full
     * canonical form ({@code "l"} → {@code "Content-Length"}); unknown names are returned unchanged.
     */
    public static String canonical(String name) {
        int slot = find(name);
        return slot < 0 ? name : CANONICAL[slot];
    }

    /** The case-insensitive lookup key of a name: lower-case full form; compact forms are expanded. */
    public static String key(String name) {
        int slot = find(name);
        return slot < 0 ? name.toLowerCase(Locale.ROOT) : KEY[slot];
    }

    /** True if the name (full or compact, any case) is one this class knows. */
    public static boolean isKnown(String name) {
        return find(name) >= 0;
    }

    /** The compact form of a header name ({@code "Via"} → {@code "v"}), or {@code null} if it has none. */
    public static String compactForm(String name) {
        int slot = find(name);
        if (slot < 0) {
            return null;
        }
        int full = find(CANONICAL[slot]);
        return COMPACT_OF[full];
    }
}
