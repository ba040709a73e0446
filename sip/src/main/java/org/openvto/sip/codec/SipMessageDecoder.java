package org.openvto.sip.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes SIP messages from bytes (RFC 3261 §7, §18.3) into {@link SipDecodeResult} values.
 *
 * <p><b>What is checked.</b> Start line syntax (one SP between elements, no LWS inside the
 * Request-URI, token method, {@code SIP/x.y} version, 3-digit status code 100-699); header syntax (token
 * names, any whitespace before {@code :}, folded continuation lines joined by one space, names
 * case-insensitive and compact forms expanded); the mandatory To, From, CSeq, Call-ID and Via (exactly
 * one of each singleton, at least one Via) with the CSeq method equal to the request method; the
 * syntax of To, From, the top Via value and every Contact value; numeric ranges of CSeq (&lt; 2^31),
 * Max-Forwards (0-255), Content-Length and Expires (&lt; 2^32); Date must be GMT. Other headers are
 * stored as text and only parsed when asked for. A request whose Request-URI is a SIP URI must not carry
 * URI headers ({@code ?...}). Non-SIP Request-URI schemes and versions other than 2.0 are accepted
 * syntactically so the caller can answer 416 or 505.
 *
 * <p><b>Framing.</b> {@link #decodeDatagram} handles one UDP datagram: without Content-Length the body is
 * the rest of the datagram; a shorter Content-Length discards the excess (RFC 4475 §3.1.1.8); a longer
 * one is malformed. Leading CRLFs are skipped (RFC 3261 §7.5). Streams are framed by {@link
 * SipStreamDecoder}, which reuses this parser.
 *
 * <p><b>Errors.</b> Nothing throws: every problem becomes {@link SipDecodeResult.Malformed} with a
 * specific reason; any unexpected runtime exception inside the parser is caught, logged at WARN as a
 * bug, and reported as Malformed with a reason starting with {@value #INTERNAL_ERROR}. Header values are
 * decoded as UTF-8 (invalid sequences become U+FFFD).
 *
 * <p><b>Cost.</b> One pass over the bytes, no regular expressions, known header names resolved without
 * allocation, one String per header value and one copy of the body. Stateless and thread-safe.
 */
public final class SipMessageDecoder {
    /** Reason prefix of Malformed results caused by a decoder bug rather than by the input. */
    public static final String INTERNAL_ERROR = "internal decoder error";

    private static final Logger LOG = LoggerFactory.getLogger(SipMessageDecoder.class);

    private final SipLimits limits;

    public SipMessageDecoder() {
        this(SipLimits.DEFAULT);
    }

    public SipMessageDecoder(SipLimits limits) {
        this.limits = limits;
    }

    public SipLimits limits() {
        return limits;
    }

    /**
     * Decodes the readable bytes of one datagram. Neither the reader index nor the reference count of
     * {@code datagram} is changed.
     */
    public SipDecodeResult decodeDatagram(ByteBuf datagram) {
        int len = datagram.readableBytes();
        if (datagram.hasArray()) {
            return decodeDatagram(datagram.array(), datagram.arrayOffset() + datagram.readerIndex(), len);
        }
        byte[] copy = new byte[len];
        datagram.getBytes(datagram.readerIndex(), copy);
        return decodeDatagram(copy, 0, len);
    }

    public SipDecodeResult decodeDatagram(byte[] datagram) {
        return decodeDatagram(datagram, 0, datagram.length);
    }

    public SipDecodeResult decodeDatagram(byte[] b, int offset, int length) {
        boolean request = looksLikeRequest(b, offset, offset + length);
        try {
            if (length > limits.maxMessageLength()) {
                return new SipDecodeResult.Malformed(
                        "datagram of " + length + " bytes exceeds maxMessageLength (" + limits.maxMessageLength() + ")",
                        request,
                        null);
            }
            int end = offset + length;
            Head h = parseHead(b, offset, end);
            if (h.error != null) {
                return h.malformed(null);
            }
            int remaining = end - h.bodyStart;
            int bodyLength;
            if (h.contentLength < 0) {
                bodyLength = remaining;
            } else if (h.contentLength > remaining) {
                h.error = "Content-Length (" + h.contentLength + ") exceeds the " + remaining
                        + " bytes remaining in the datagram";
                return h.malformed(null);
            } else {
                bodyLength = (int) h.contentLength;
            }
            if (bodyLength > limits.maxBodyLength()) {
                h.error = "body of " + bodyLength + " bytes exceeds maxBodyLength (" + limits.maxBodyLength() + ")";
                return h.malformed(null);
            }
            byte[] body = Arrays.copyOfRange(b, h.bodyStart, h.bodyStart + bodyLength);
            return new SipDecodeResult.Decoded(h.build(body));
        } catch (RuntimeException e) {
            return internalError(e, request);
        }
    }

    /** True if the readable bytes are only CR/LF: a keep-alive (RFC 5626 §4.4.1), not a message. */
    public static boolean isKeepAlive(ByteBuf buf) {
        int n = buf.readableBytes();
        if (n == 0) {
            return false;
        }
        for (int i = buf.readerIndex(); i < buf.readerIndex() + n; i++) {
            byte c = buf.getByte(i);
            if (c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    static SipDecodeResult.Malformed internalError(RuntimeException e, boolean request) {
        LOG.warn("SIP decoder bug; input reported as malformed", e);
        return new SipDecodeResult.Malformed(
                INTERNAL_ERROR + ": " + e.getClass().getSimpleName(), request, null);
    }

    static boolean looksLikeRequest(byte[] b, int from, int to) {
        int p = from;
        while (p < to && (b[p] == '\r' || b[p] == '\n')) {
            p++;
        }
        return !(to - p >= 4
                && (b[p] | 0x20) == 's'
                && (b[p + 1] | 0x20) == 'i'
                && (b[p + 2] | 0x20) == 'p'
                && b[p + 3] == '/');
    }

    /** Parsed start line and headers of one message; {@code error} holds the first problem found. */
    static final class Head {
        boolean request = true;
        boolean startLineOk;
        String method;
        String uri;
        String version;
        int status;
        String reason;
        final SipHeaders headers = new SipHeaders(16);
        /** Index of the first body byte; set once the empty line (or end of input) is reached. */
        int bodyStart = -1;
        /** Declared Content-Length, -1 if absent; see {@link #contentLengthValid}. */
        long contentLength = -1;

        boolean contentLengthValid = true;
        /** Why Content-Length is unusable, when {@code contentLengthValid} is false. */
        String contentLengthError;

        String error;

        void fail(String why) {
            if (error == null) {
                error = why;
            }
        }

        SipMessage build(byte[] body) {
            if (request) {
                return new SipRequest(method, uri, version, headers, body, true);
            }
            return new SipResponse(status, reason, version, headers, body, true);
        }

        SipDecodeResult.Malformed malformed(byte[] bodyOrNull) {
            SipMessage partial = request && method != null ? build(bodyOrNull) : null;
            return new SipDecodeResult.Malformed(error, request, partial);
        }
    }

    /**
     * Parses start line and headers from {@code b[from, to)}. Stops at the empty line ending the headers
     * ({@code bodyStart} then points after it) or at {@code to}. Continues past syntax errors where
     * possible so that Content-Length is still found (stream framing needs it).
     */
    Head parseHead(byte[] b, int from, int to) {
        Head h = new Head();
        int p = from;
        while (p < to && (b[p] == '\r' || b[p] == '\n')) {
            p++;
        }
        if (p >= to) {
            h.request = false;
            h.fail("empty message");
            h.bodyStart = to;
            return h;
        }
        h.request = looksLikeRequest(b, p, to);
        int eol = indexOf(b, p, to, (byte) '\n');
        int lineEnd = eol < 0 ? to : eol;
        int next = eol < 0 ? to : eol + 1;
        if (lineEnd > p && b[lineEnd - 1] == '\r') {
            lineEnd--;
        }
        if (lineEnd - p > limits.maxLineLength()) {
            h.fail("start line exceeds maxLineLength (" + limits.maxLineLength() + ")");
        } else {
            parseStartLine(h, b, p, lineEnd);
        }
        p = next;
        parseHeaders(h, b, p, to);
        if (h.error == null) {
            validate(h);
        }
        return h;
    }

    private void parseHeaders(Head h, byte[] b, int p, int to) {
        int count = 0;
        int maxLine = limits.maxLineLength();
        while (true) {
            if (p >= to) {
                h.bodyStart = to;
                return;
            }
            int eol = indexOf(b, p, to, (byte) '\n');
            int le = eol < 0 ? to : eol;
            if (le > p && b[le - 1] == '\r') {
                le--;
            }
            if (le == p) {
                h.bodyStart = eol < 0 ? to : eol + 1;
                return;
            }
            int next = eol < 0 ? to : eol + 1;
            if (b[p] == ' ' || b[p] == '\t') {
                h.fail("continuation line without a header");
                p = next;
                continue;
            }
            // extend over folded continuation lines
            boolean folded = false;
            while (next < to && (b[next] == ' ' || b[next] == '\t')) {
                folded = true;
                eol = indexOf(b, next, to, (byte) '\n');
                le = eol < 0 ? to : eol;
                if (le > next && b[le - 1] == '\r') {
                    le--;
                }
                next = eol < 0 ? to : eol + 1;
                if (le - p > maxLine) {
                    break;
                }
            }
            if (++count > limits.maxHeaderCount()) {
                h.fail("more than " + limits.maxHeaderCount() + " header fields (maxHeaderCount)");
                // keep scanning only to find the end of the headers; later fields (maybe Content-Length) are ignored
                p = next;
                continue;
            }
            if (le - p > maxLine) {
                h.fail("header field exceeds maxLineLength (" + maxLine + ")");
                p = next;
                continue;
            }
            int nameEnd = p;
            while (nameEnd < le && SipChars.isToken(b[nameEnd])) {
                nameEnd++;
            }
            int colon = nameEnd;
            while (colon < le && (b[colon] == ' ' || b[colon] == '\t')) {
                colon++;
            }
            if (nameEnd == p || colon >= le || b[colon] != ':') {
                h.fail(nameEnd == p ? "header line does not start with a name" : "header line without ':'");
                p = next;
                continue;
            }
            int slot = SipHeaderNames.find(b, p, nameEnd);
            String name;
            String key;
            if (slot >= 0) {
                name = SipHeaderNames.canonicalAt(slot);
                key = SipHeaderNames.keyAt(slot);
            } else {
                name = new String(b, p, nameEnd - p, StandardCharsets.ISO_8859_1);
                key = SipHeaderNames.key(name);
            }
            String value = folded ? foldedValue(b, colon + 1, le) : trimmedValue(b, colon + 1, le);
            h.headers.addTrusted(name, key, value);
            if (key.equals("content-length")) {
                if (h.contentLength >= 0 || !h.contentLengthValid) {
                    h.contentLengthValid = false;
                    h.contentLengthError = "multiple Content-Length headers";
                    h.fail(h.contentLengthError);
                } else {
                    long cl = SipChars.parseUnsigned(value, Integer.MAX_VALUE);
                    if (cl < 0) {
                        h.contentLengthValid = false;
                        h.contentLengthError = cl == -2
                                ? "Content-Length out of range"
                                : "Content-Length is not a non-negative integer";
                        h.fail(h.contentLengthError);
                    } else {
                        h.contentLength = cl;
                    }
                }
            }
            p = next;
        }
    }

    private static String trimmedValue(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Joins folded lines: each line break plus the following whitespace becomes one SP (RFC 3261 §7.3.1). */
    private static String foldedValue(byte[] b, int from, int to) {
        byte[] tmp = new byte[to - from];
        int w = 0;
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == '\r' || c == '\n') {
                while (i < to && (b[i] == '\r' || b[i] == '\n' || b[i] == ' ' || b[i] == '\t')) {
                    i++;
                }
                tmp[w++] = ' ';
            } else {
                tmp[w++] = c;
                i++;
            }
        }
        return trimmedValue(tmp, 0, w);
    }

    private void parseStartLine(Head h, byte[] b, int s, int e) {
        int sp1 = indexOf(b, s, e, (byte) ' ');
        if (sp1 < 0) {
            h.fail(h.request ? "request line has no SP" : "status line has no SP");
            return;
        }
        if (!h.request) {
            String version = version(b, s, sp1);
            if (version == null) {
                h.fail("bad SIP version in status line");
                return;
            }
            int cs = sp1 + 1;
            int ce = cs;
            while (ce < e && SipChars.isDigit(b[ce])) {
                ce++;
            }
            if (ce - cs != 3 || (ce < e && b[ce] != ' ')) {
                h.fail("status code must be 3 digits");
                return;
            }
            int code = (b[cs] - '0') * 100 + (b[cs + 1] - '0') * 10 + (b[cs + 2] - '0');
            if (code < 100 || code > 699) {
                h.fail("status code out of range (100-699)");
                return;
            }
            h.version = version;
            h.status = code;
            h.reason = ce < e ? SipResponse.sanitize(new String(b, ce + 1, e - ce - 1, StandardCharsets.UTF_8)) : "";
            h.startLineOk = true;
            return;
        }
        for (int i = s; i < sp1; i++) {
            if (!SipChars.isToken(b[i])) {
                h.fail("method is not a token");
                return;
            }
        }
        // the method is known from here on: a request whose URI or version is bad can still be answered 400
        h.method = SipMethod.fromBytes(b, s, sp1);
        h.uri = new String(b, sp1 + 1, e - sp1 - 1, StandardCharsets.UTF_8);
        h.version = SipMessage.SIP_2_0;
        int sp2 = lastIndexOf(b, sp1 + 1, e, (byte) ' ');
        if (sp2 < 0) {
            h.fail("request line has no SIP version");
            return;
        }
        if (sp2 == e - 1) {
            h.fail("whitespace after SIP version in request line");
            return;
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            if (b[i] == ' ' || b[i] == '\t') {
                h.fail("Request-URI contains whitespace (or extra SP in request line)");
                return;
            }
        }
        if (sp2 == sp1 + 1) {
            h.fail("empty Request-URI");
            return;
        }
        String version = version(b, sp2 + 1, e);
        if (version == null) {
            h.fail("bad SIP version in request line");
            return;
        }
        String uri = new String(b, sp1 + 1, sp2 - sp1 - 1, StandardCharsets.UTF_8);
        if (SipUri.hasSipScheme(uri)) {
            SipUri parsed = SipUri.parse(uri);
            if (parsed == null) {
                h.fail("invalid Request-URI: " + SipUri.whyInvalid(uri));
                return;
            }
            if (parsed.headers() != null) {
                h.fail("Request-URI must not contain headers (RFC 3261 §19.1.1)");
                return;
            }
        } else {
            String why = SipUri.absoluteUriError(uri);
            if (why != null) {
                h.fail("invalid Request-URI: " + why);
                return;
            }
        }
        h.method = SipMethod.fromBytes(b, s, sp1);
        h.uri = uri;
        h.version = version;
        h.startLineOk = true;
    }

    /** {@code SIP/1*DIGIT.1*DIGIT}; returns the shared constant for SIP/2.0. */
    private static String version(byte[] b, int s, int e) {
        if (e - s < 7
                || (b[s] | 0x20) != 's'
                || (b[s + 1] | 0x20) != 'i'
                || (b[s + 2] | 0x20) != 'p'
                || b[s + 3] != '/') {
            return null;
        }
        int i = s + 4;
        int ds = i;
        while (i < e && SipChars.isDigit(b[i])) {
            i++;
        }
        if (i == ds || i >= e || b[i] != '.') {
            return null;
        }
        int ms = ++i;
        while (i < e && SipChars.isDigit(b[i])) {
            i++;
        }
        if (i == ms || i != e) {
            return null;
        }
        if (e - s == 7 && b[s + 4] == '2' && b[s + 6] == '0') {
            return SipMessage.SIP_2_0;
        }
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /** Mandatory header presence, cardinality and value syntax. */
    private static void validate(Head h) {
        SipHeaders hs = h.headers;
        int to = 0;
        int from = 0;
        int cseq = 0;
        int callId = 0;
        int via = 0;
        int maxForwards = 0;
        int expires = 0;
        for (int i = 0; i < hs.size(); i++) {
            String v = hs.valueAt(i);
            switch (hs.keyAt(i)) {
                case "to" -> {
                    if (++to == 1) {
                        check(h, "To", nameAddrError(v));
                    }
                }
                case "from" -> {
                    if (++from == 1) {
                        check(h, "From", nameAddrError(v));
                    }
                }
                case "cseq" -> {
                    if (++cseq == 1) {
                        String why = SipCSeq.whyInvalid(v);
                        if (why != null) {
                            h.fail(why);
                        } else if (h.request && h.startLineOk) {
                            SipCSeq c = SipCSeq.parse(v);
                            if (!c.method().equals(h.method)) {
                                h.fail("CSeq method " + c.method() + " does not match request method " + h.method);
                            }
                        }
                    }
                }
                case "call-id" -> {
                    if (++callId == 1 && v.isEmpty()) {
                        h.fail("empty Call-ID");
                    }
                }
                case "via" -> {
                    via++;
                    // every Via, not only the top one: responses travel back along all of them, and a proxy
                    // reads them all for loop detection (§16.3 step 4)
                    String why = viaError(v);
                    if (why != null) {
                        h.fail("malformed Via header: " + why);
                    }
                }
                case "max-forwards" -> {
                    if (++maxForwards == 1) {
                        long n = SipChars.parseUnsigned(v, 255);
                        if (n < 0) {
                            h.fail(n == -2 ? "Max-Forwards out of range (0-255)" : "Max-Forwards is not numeric");
                        }
                    }
                }
                case "expires" -> {
                    if (++expires == 1) {
                        long n = SipChars.parseUnsigned(v, 0xFFFF_FFFFL);
                        if (n < 0) {
                            h.fail(n == -2 ? "Expires out of range (must be < 2^32)" : "Expires is not numeric");
                        }
                    }
                }
                case "contact" -> {
                    for (String c : SipHeaders.splitValues(v)) {
                        String why = NameAddr.whyInvalid(c);
                        if (why != null) {
                            h.fail("malformed Contact header: " + why);
                            break;
                        }
                    }
                }
                case "date" -> {
                    if (!v.endsWith(" GMT")) {
                        h.fail("Date must be in GMT (RFC 3261 §20.17)");
                    }
                }
                default -> {}
            }
            if (h.error != null) {
                return;
            }
        }
        cardinality(h, "To", to);
        cardinality(h, "From", from);
        cardinality(h, "CSeq", cseq);
        cardinality(h, "Call-ID", callId);
        if (via == 0) {
            h.fail("missing Via header");
        }
        if (maxForwards > 1) {
            h.fail("multiple Max-Forwards headers");
        }
        if (expires > 1) {
            h.fail("multiple Expires headers");
        }
    }

    private static String viaError(String field) {
        int comma = SipHeaders.firstSeparator(field);
        if (comma < 0) {
            return SipVia.whyInvalid(field); // the common case: one value per field, no list to split
        }
        for (String one : SipHeaders.splitValues(field)) {
            String why = SipVia.whyInvalid(one);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static String nameAddrError(String v) {
        String why = NameAddr.whyInvalid(v);
        if (why == null && v.strip().equals("*")) {
            return "'*' is only allowed in Contact";
        }
        return why;
    }

    private static void check(Head h, String header, String why) {
        if (why != null) {
            h.fail("malformed " + header + " header: " + why);
        }
    }

    private static void cardinality(Head h, String header, int n) {
        if (n == 0) {
            h.fail("missing " + header + " header");
        } else if (n > 1) {
            h.fail("multiple " + header + " headers");
        }
    }

    static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, int from, int to, byte c) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
