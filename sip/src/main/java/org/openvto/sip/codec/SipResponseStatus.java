package org.openvto.sip.codec;

/**
 * A SIP status code with its reason phrase. Constants carry the standard phrases of RFC 3261 §21 and
 * later RFCs; {@link #valueOf(int)} returns the constant for a known code or a new instance with a
 * generic phrase for the class (e.g. 499 → "Client Error"). Immutable and thread-safe.
 *
 * @param code the status code, 100..699
 * @param reasonPhrase human-readable phrase; may be empty, never {@code null}
 */
public record SipResponseStatus(int code, String reasonPhrase) {
    public static final SipResponseStatus TRYING = new SipResponseStatus(100, "Trying");
    public static final SipResponseStatus RINGING = new SipResponseStatus(180, "Ringing");
    public static final SipResponseStatus CALL_IS_BEING_FORWARDED =
            new SipResponseStatus(181, "Call Is Being Forwarded");
    public static final SipResponseStatus QUEUED = new SipResponseStatus(182, "Queued");
    public static final SipResponseStatus SESSION_PROGRESS = new SipResponseStatus(183, "Session Progress");
    public static final SipResponseStatus OK = new SipResponseStatus(200, "OK");
    public static final SipResponseStatus ACCEPTED = new SipResponseStatus(202, "Accepted");
    public static final SipResponseStatus NO_NOTIFICATION = new SipResponseStatus(204, "No Notification");
    public static final SipResponseStatus MULTIPLE_CHOICES = new SipResponseStatus(300, "Multiple Choices");
    public static final SipResponseStatus MOVED_PERMANENTLY = new SipResponseStatus(301, "Moved Permanently");
    public static final SipResponseStatus MOVED_TEMPORARILY = new SipResponseStatus(302, "Moved Temporarily");
    public static final SipResponseStatus USE_PROXY = new SipResponseStatus(305, "Use Proxy");
    public static final SipResponseStatus ALTERNATIVE_SERVICE = new SipResponseStatus(380, "Alternative Service");
    public static final SipResponseStatus BAD_REQUEST = new SipResponseStatus(400, "Bad Request");
    public static final SipResponseStatus UNAUTHORIZED = new SipResponseStatus(401, "Unauthorized");
    public static final SipResponseStatus PAYMENT_REQUIRED = new SipResponseStatus(402, "Payment Required");
    public static final SipResponseStatus FORBIDDEN = new SipResponseStatus(403, "Forbidden");
    public static final SipResponseStatus NOT_FOUND = new SipResponseStatus(404, "Not Found");
    public static final SipResponseStatus METHOD_NOT_ALLOWED = new SipResponseStatus(405, "Method Not Allowed");
    public static final SipResponseStatus NOT_ACCEPTABLE = new SipResponseStatus(406, "Not Acceptable");
    public static final SipResponseStatus PROXY_AUTHENTICATION_REQUIRED =
            new SipResponseStatus(407, "Proxy Authentication Required");
    public static final SipResponseStatus REQUEST_TIMEOUT = new SipResponseStatus(408, "Request Timeout");
    public static final SipResponseStatus CONFLICT = new SipResponseStatus(409, "Conflict");
    public static final SipResponseStatus GONE = new SipResponseStatus(410, "Gone");
    public static final SipResponseStatus CONDITIONAL_REQUEST_FAILED =
            new SipResponseStatus(412, "Conditional Request Failed");
    public static final SipResponseStatus REQUEST_ENTITY_TOO_LARGE =
            new SipResponseStatus(413, "Request Entity Too Large");
    public static final SipResponseStatus REQUEST_URI_TOO_LONG = new SipResponseStatus(414, "Request-URI Too Long");
    public static final SipResponseStatus UNSUPPORTED_MEDIA_TYPE = new SipResponseStatus(415, "Unsupported Media Type");
    public static final SipResponseStatus UNSUPPORTED_URI_SCHEME = new SipResponseStatus(416, "Unsupported URI Scheme");
    public static final SipResponseStatus BAD_EXTENSION = new SipResponseStatus(420, "Bad Extension");
    public static final SipResponseStatus EXTENSION_REQUIRED = new SipResponseStatus(421, "Extension Required");
    public static final SipResponseStatus SESSION_INTERVAL_TOO_SMALL =
            new SipResponseStatus(422, "Session Interval Too Small");
    public static final SipResponseStatus INTERVAL_TOO_BRIEF = new SipResponseStatus(423, "Interval Too Brief");
    public static final SipResponseStatus TEMPORARILY_UNAVAILABLE =
            new SipResponseStatus(480, "Temporarily Unavailable");
    public static final SipResponseStatus CALL_OR_TRANSACTION_DOES_NOT_EXIST =
            new SipResponseStatus(481, "Call/Transaction Does Not Exist");
    public static final SipResponseStatus LOOP_DETECTED = new SipResponseStatus(482, "Loop Detected");
    public static final SipResponseStatus TOO_MANY_HOPS = new SipResponseStatus(483, "Too Many Hops");
    public static final SipResponseStatus ADDRESS_INCOMPLETE = new SipResponseStatus(484, "Address Incomplete");
    public static final SipResponseStatus AMBIGUOUS = new SipResponseStatus(485, "Ambiguous");
    public static final SipResponseStatus BUSY_HERE = new SipResponseStatus(486, "Busy Here");
    public static final SipResponseStatus REQUEST_TERMINATED = new SipResponseStatus(487, "Request Terminated");
    public static final SipResponseStatus NOT_ACCEPTABLE_HERE = new SipResponseStatus(488, "Not Acceptable Here");
    public static final SipResponseStatus BAD_EVENT = new SipResponseStatus(489, "Bad Event");
    public static final SipResponseStatus REQUEST_PENDING = new SipResponseStatus(491, "Request Pending");
    public static final SipResponseStatus UNDECIPHERABLE = new SipResponseStatus(493, "Undecipherable");
    public static final SipResponseStatus SERVER_INTERNAL_ERROR = new SipResponseStatus(500, "Server Internal Error");
    public static final SipResponseStatus NOT_IMPLEMENTED = new SipResponseStatus(501, "Not Implemented");
    public static final SipResponseStatus BAD_GATEWAY = new SipResponseStatus(502, "Bad Gateway");
    public static final SipResponseStatus SERVICE_UNAVAILABLE = new SipResponseStatus(503, "Service Unavailable");
    public static final SipResponseStatus SERVER_TIMEOUT = new SipResponseStatus(504, "Server Time-out");
    public static final SipResponseStatus VERSION_NOT_SUPPORTED = new SipResponseStatus(505, "Version Not Supported");
    public static final SipResponseStatus MESSAGE_TOO_LARGE = new SipResponseStatus(513, "Message Too Large");
    public static final SipResponseStatus BUSY_EVERYWHERE = new SipResponseStatus(600, "Busy Everywhere");
    public static final SipResponseStatus DECLINE = new SipResponseStatus(603, "Decline");
    public static final SipResponseStatus DOES_NOT_EXIST_ANYWHERE =
            new SipResponseStatus(604, "Does Not Exist Anywhere");
    public static final SipResponseStatus NOT_ACCEPTABLE_ANYWHERE = new SipResponseStatus(606, "Not Acceptable");

    private static final SipResponseStatus[] BY_CODE = new SipResponseStatus[700];

    static {
        for (SipResponseStatus s : new SipResponseStatus[] {
            TRYING,
            RINGING,
            CALL_IS_BEING_FORWARDED,
            QUEUED,
            SESSION_PROGRESS,
            OK,
            ACCEPTED,
            NO_NOTIFICATION,
            MULTIPLE_CHOICES,
            MOVED_PERMANENTLY,
            MOVED_TEMPORARILY,
            USE_PROXY,
            ALTERNATIVE_SERVICE,
            BAD_REQUEST,
            UNAUTHORIZED,
            PAYMENT_REQUIRED,
            FORBIDDEN,
            NOT_FOUND,
            METHOD_NOT_ALLOWED,
            NOT_ACCEPTABLE,
            PROXY_AUTHENTICATION_REQUIRED,
            REQUEST_TIMEOUT,
            CONFLICT,
            GONE,
            CONDITIONAL_REQUEST_FAILED,
            REQUEST_ENTITY_TOO_LARGE,
            REQUEST_URI_TOO_LONG,
            UNSUPPORTED_MEDIA_TYPE,
            UNSUPPORTED_URI_SCHEME,
            BAD_EXTENSION,
            EXTENSION_REQUIRED,
            SESSION_INTERVAL_TOO_SMALL,
            INTERVAL_TOO_BRIEF,
            TEMPORARILY_UNAVAILABLE,
            CALL_OR_TRANSACTION_DOES_NOT_EXIST,
            LOOP_DETECTED,
            TOO_MANY_HOPS,
            ADDRESS_INCOMPLETE,
            AMBIGUOUS,
            BUSY_HERE,
            REQUEST_TERMINATED,
            NOT_ACCEPTABLE_HERE,
            BAD_EVENT,
            REQUEST_PENDING,
            UNDECIPHERABLE,
            SERVER_INTERNAL_ERROR,
            NOT_IMPLEMENTED,
            BAD_GATEWAY,
            SERVICE_UNAVAILABLE,
            SERVER_TIMEOUT,
            VERSION_NOT_SUPPORTED,
            MESSAGE_TOO_LARGE,
            BUSY_EVERYWHERE,
            DECLINE,
            DOES_NOT_EXIST_ANYWHERE,
            NOT_ACCEPTABLE_ANYWHERE
        }) {
            BY_CODE[s.code] = s;
        }
    }

    public SipResponseStatus {
        if (code < 100 || code > 699) {
            throw new IllegalArgumentException("SIP status code out of range: " + code);
        }
        if (reasonPhrase == null || reasonPhrase.indexOf('\r') >= 0 || reasonPhrase.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reason phrase must be non-null and single-line");
        }
    }

    /** The standard status for {@code code}, or one with the generic phrase of its class. */
    public static SipResponseStatus valueOf(int code) {
        if (code >= 100 && code <= 699 && BY_CODE[code] != null) {
            return BY_CODE[code];
        }
        return new SipResponseStatus(code, reasonPhrase(code));
    }

    /** The standard reason phrase of {@code code}, or the generic phrase of its class. */
    public static String reasonPhrase(int code) {
        if (code >= 100 && code <= 699 && BY_CODE[code] != null) {
            return BY_CODE[code].reasonPhrase;
        }
        return switch (code / 100) {
            case 1 -> "Provisional";
            case 2 -> "Success";
            case 3 -> "Redirection";
            case 4 -> "Client Error";
            case 5 -> "Server Error";
            case 6 -> "Global Failure";
            default -> "Unknown";
        };
    }

    /** True for 1xx. */
    public boolean isProvisional() {
        return code < 200;
    }

    /** True for 2xx..6xx. */
    public boolean isFinal() {
        return code >= 200;
    }
}
