package org.openvto.sip.codec;

/**
 * SIP request method names. Methods are plain strings so extension methods (any RFC 3261 token, e.g.
 * {@code "RE%47IST%45R"} from RFC 4475 §3.1.1.5) need no registration. Method names are case-sensitive
 * (RFC 3261 §7.1): {@code "invite"} is an unknown method, not INVITE. Stateless and thread-safe.
 */
public final class SipMethod {
    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String REGISTER = "REGISTER";
    public static final String OPTIONS = "OPTIONS";
    public static final String INFO = "INFO";
    public static final String PRACK = "PRACK";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String NOTIFY = "NOTIFY";
    public static final String UPDATE = "UPDATE";
    public static final String MESSAGE = "MESSAGE";
    public static final String REFER = "REFER";
    public static final String PUBLISH = "PUBLISH";

    private static final String[] KNOWN = {
        INVITE, ACK, BYE, CANCEL, REGISTER, OPTIONS, INFO, PRACK, SUBSCRIBE, NOTIFY, UPDATE, MESSAGE, REFER, PUBLISH
    };

    private SipMethod() {}

    /** True if {@code method} is a syntactically valid method name (an RFC 3261 token). */
    public static boolean isValid(String method) {
        return method != null && SipChars.isToken(method);
    }

    /** True if {@code method} is one of the constants above (exact, case-sensitive match). */
    public static boolean isKnown(String method) {
        return intern(method) != null;
    }

    /** The shared constant equal to {@code method}, or {@code null} for extension methods. */
    static String intern(String method) {
        for (String m : KNOWN) {
            if (m.equals(method)) {
                return m;
            }
        }
        return null;
    }

    /** The constant spelled by {@code b[from, to)} (exact case), or a new String for other tokens. */
    static String fromBytes(byte[] b, int from, int to) {
        int len = to - from;
        for (String m : KNOWN) {
            if (m.length() == len) {
                int i = 0;
                while (i < len && m.charAt(i) == b[from + i]) {
                    i++;
                }
                if (i == len) {
                    return m;
                }
            }
        }
        return new String(b, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
