package org.openvto.sip.codec;

/** Character classes of the RFC 3261 §25 grammar, as table lookups (no regexes on the hot path). */
final class SipChars {
    private static final int TOKEN = 1;
    private static final int UNRESERVED = 2;
    private static final int USER = 4;
    private static final int PASSWORD = 8;
    private static final int PARAM = 16;
    private static final int HNV = 32;
    private static final int HOST = 64;
    private static final int SCHEME = 128;

    private static final int[] CLASS = new int[128];

    static {
        for (int c = 0; c < 128; c++) {
            int k = 0;
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (alnum || "-.!%*_+`'~".indexOf(c) >= 0) {
                k |= TOKEN;
            }
            boolean unreserved = alnum || "-_.!~*'()".indexOf(c) >= 0;
            if (unreserved) {
                k |= UNRESERVED | USER | PASSWORD | PARAM | HNV;
            }
            if ("&=+$,;?/".indexOf(c) >= 0) {
                k |= USER;
            }
            if ("&=+$,".indexOf(c) >= 0) {
                k |= PASSWORD;
            }
            if ("[]/:&+$".indexOf(c) >= 0) {
                k |= PARAM;
            }
            if ("[]/?:+$".indexOf(c) >= 0) {
                k |= HNV;
            }
            if (alnum || c == '-' || c == '.' || c == '_') {
                k |= HOST;
            }
            if (alnum || c == '+' || c == '-' || c == '.') {
                k |= SCHEME;
            }
            CLASS[c] = k;
        }
    }

    private SipChars() {}

    static boolean isToken(int c) {
        return c < 128 && c >= 0 && (CLASS[c] & TOKEN) != 0;
    }

    static boolean isUserChar(int c) {
        return c < 128 && c >= 0 && (CLASS[c] & USER) != 0;
    }

    static boolean isPasswordChar(int c) {
        return c < 128 && c >= 0 && (CLASS[c] & PASSWORD) != 0;
    }

    static boolean isParamChar(int c) {
        return c < 128 && c >= 0 && (CLASS[c] & PARAM) != 0;
    }

    static boolean isHeaderChar(int c) {
        return c < 128 && c >= 0 && (CLASS[c] & HNV) != 0;
    }

    static boolean isHostChar(int c) {
        return c < 128 && c >= 0 && (CLASS[c] & HOST) != 0;
    }

    static boolean isSchemeChar(int c) {
        return c < 128 && c >= 0 && (CLASS[c] & SCHEME) != 0;
    }

    static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** SP, HT, CR or LF: what may remain of linear white space after unfolding. */
    static boolean isLws(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static int skipLws(CharSequence s, int i, int end) {
        while (i < end && isLws(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c - 'A' + 10;
    }

    /** True if {@code s} is a non-empty RFC 3261 token. */
    static boolean isToken(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isToken(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses an unsigned decimal of at most {@code maxDigits} significant digits and at most {@code max}.
     * Leading zeros are allowed (RFC 4475 §3.1.1.1). Returns -1 if not all digits, -2 if out of range.
     */
    static long parseUnsigned(CharSequence s, int from, int to, long max) {
        if (from >= to) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v > max) {
                for (int j = i + 1; j < to; j++) {
                    char d = s.charAt(j);
                    if (d < '0' || d > '9') {
                        return -1;
                    }
                }
                return -2;
            }
        }
        return v;
    }

    /** Parses a whole trimmed value as an unsigned decimal; see {@link #parseUnsigned(CharSequence, int, int, long)}. */
    static long parseUnsigned(String s, long max) {
        int from = skipLws(s, 0, s.length());
        int to = s.length();
        while (to > from && isLws(s.charAt(to - 1))) {
            to--;
        }
        return parseUnsigned(s, from, to, max);
    }
}
