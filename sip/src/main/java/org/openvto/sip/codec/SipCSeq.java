package org.openvto.sip.codec;

/**
 * A parsed CSeq header value (RFC 3261 §20.16): a sequence number below 2^31 and a method token,
 * separated by LWS (leading zeros and folded whitespace allowed, RFC 4475 §3.1.1.1). Immutable.
 *
 * @param number sequence number, 0..2^31-1
 * @param method request method, case-sensitive
 */
public record SipCSeq(long number, String method) {
    /** Largest valid sequence number (RFC 3261 §8.1.1.5: "MUST be less than 2**31"). */
    public static final long MAX = 0x7FFF_FFFFL;

    public SipCSeq {
        if (number < 0 || number > MAX || !SipMethod.isValid(method)) {
            throw new IllegalArgumentException("invalid CSeq " + number + " " + method);
        }
    }

    /** Parses a CSeq value; {@code null} if malformed or out of range. */
    public static SipCSeq parse(String value) {
        return whyInvalid(value) == null ? parseValid(value) : null;
    }

    /** Why the value is not a valid CSeq, or {@code null} if it is. */
    public static String whyInvalid(String value) {
        if (value == null) {
            return "missing CSeq";
        }
        int n = value.length();
        int i = SipChars.skipLws(value, 0, n);
        int ds = i;
        while (i < n && SipChars.isDigit(value.charAt(i))) {
            i++;
        }
        long num = SipChars.parseUnsigned(value, ds, i, MAX);
        if (num == -1) {
            return "CSeq number is not numeric";
        }
        if (num == -2) {
            return "CSeq number out of range (must be < 2^31)";
        }
        int ws = i;
        i = SipChars.skipLws(value, i, n);
        if (i == ws) {
            return "CSeq has no method";
        }
        int ms = i;
        while (i < n && SipChars.isToken(value.charAt(i))) {
            i++;
        }
        if (i == ms) {
            return "CSeq has no method";
        }
        if (SipChars.skipLws(value, i, n) != n) {
            return "unexpected text after CSeq method";
        }
        return null;
    }

    private static SipCSeq parseValid(String value) {
        int n = value.length();
        int i = SipChars.skipLws(value, 0, n);
        int ds = i;
        while (SipChars.isDigit(value.charAt(i))) {
            i++;
        }
        long num = SipChars.parseUnsigned(value, ds, i, MAX);
        i = SipChars.skipLws(value, i, n);
        int ms = i;
        while (i < n && SipChars.isToken(value.charAt(i))) {
            i++;
        }
        String method = value.substring(ms, i);
        String known = SipMethod.intern(method);
        return new SipCSeq(num, known != null ? known : method);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
