package org.openvto.sip.ua;

import java.util.List;
import java.util.Objects;
import org.openvto.sip.codec.NameAddr;
import org.openvto.sip.codec.SipHeader;
import org.openvto.sip.codec.SipHeaderNames;
import org.openvto.sip.codec.SipMethod;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transport.SipHop;

/**
 * What the transaction user asks {@link UserAgentClient#send} to send: a non-INVITE request outside any dialog
 * (RFC 3261 §8.1; a {@code MESSAGE} of RFC 3428, an {@code OPTIONS}). The client adds everything else §8.1.1
 * asks for — From tag, Call-ID, CSeq, Max-Forwards, Via with a fresh branch — so only what differs per request is
 * here. Immutable; the constructor checks every value and throws {@link IllegalArgumentException} naming the bad
 * one, so nothing that cannot go on the wire gets as far as the SIP thread.
 *
 * @param method     a non-INVITE method token: not INVITE, ACK (which belong to INVITE transactions) or CANCEL
 *                   (which is built from the request it cancels, §9.1)
 * @param requestUri the Request-URI (§8.1.1.1): a SIP or SIPS URI, e.g. the contact a device registered
 * @param to         the logical recipient, a SIP URI without tag (§8.1.1.2): {@code sip:888888@VDP}
 * @param from       the sender's address-of-record, a SIP URI (§8.1.1.3); the client adds the tag
 * @param hop        where it goes ({@link SipHop#of}); the Via names this hop's transport
 * @param contentType the body's MIME type ({@code application/json}); empty with an empty body
 * @param body       the body (may be empty); copied
 * @param headers    extension headers to add (e.g. {@code X-OpenVTO-Key}); not the ones the client writes itself
 */
public record OutOfDialogRequest(
        String method,
        String requestUri,
        String to,
        String from,
        SipHop hop,
        String contentType,
        byte[] body,
        List<SipHeader> headers) {
    /** Header names the client writes itself (RFC 3261 §8.1.1), which {@link #headers} must not name. */
    private static final List<String> OWN = List.of(
            SipHeaderNames.VIA,
            SipHeaderNames.FROM,
            SipHeaderNames.TO,
            SipHeaderNames.CALL_ID,
            SipHeaderNames.CSEQ,
            SipHeaderNames.MAX_FORWARDS,
            SipHeaderNames.CONTENT_TYPE,
            SipHeaderNames.CONTENT_LENGTH);

    public OutOfDialogRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(hop, "hop");
        if (!SipMethod.isValid(method)
                || SipMethod.INVITE.equals(method)
                || SipMethod.ACK.equals(method)
                || SipMethod.CANCEL.equals(method)) {
            throw new IllegalArgumentException("not a non-INVITE method that starts a transaction: " + method);
        }
        uri("Request-URI", requestUri);
        uri("To", to);
        uri("From", from);
        contentType = contentType == null ? "" : contentType;
        body = body == null ? new byte[0] : body.clone();
        if (body.length > 0 && contentType.isBlank()) {
            throw new IllegalArgumentException("a body needs a Content-Type (RFC 3261 §20.15)");
        }
        if (!contentType.isEmpty() && !headerValue(contentType)) {
            throw new IllegalArgumentException("Content-Type is not a header value: " + contentType);
        }
        headers = List.copyOf(headers == null ? List.of() : headers);
        for (SipHeader h : headers) {
            if (!SipMethod.isValid(h.name())) { // a header name is a token, like a method
                throw new IllegalArgumentException("header name is not a token: " + h.name());
            }
            for (String own : OWN) {
                if (SipHeaderNames.key(h.name()).equals(SipHeaderNames.key(own))) { // compact forms too
                    throw new IllegalArgumentException(h.name() + " is written by the client itself");
                }
            }
            if (!headerValue(h.value())) {
                throw new IllegalArgumentException("value of " + h.name() + " is not a header value: " + h.value());
            }
        }
    }

    /** A request with a body of {@code contentType} and no extension headers. */
    public static OutOfDialogRequest of(
            String method, String requestUri, String to, String from, SipHop hop, String contentType, byte[] body) {
        return new OutOfDialogRequest(method, requestUri, to, from, hop, contentType, body, List.of());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyUnshared() {
        return body;
    }

    private static void uri(String what, String value) {
        Objects.requireNonNull(value, what);
        SipUri uri = SipUri.parse(value);
        if (uri == null) {
            throw new IllegalArgumentException(what + " is not a SIP URI: " + value);
        }
        if (uri.headers() != null) {
            throw new IllegalArgumentException(what + " must not have headers (RFC 3261 §19.1.1): " + value);
        }
        if (NameAddr.parse("<" + value + ">") == null) {
            throw new IllegalArgumentException(what + " cannot be written in a name-addr: " + value);
        }
    }

    /**
     * One line of UTF-8 text without control characters (RFC 3261 §25.1 TEXT-UTF8 plus spaces): what a header
     * value may hold without folding, and what the decoder reads back the same.
     */
    private static boolean headerValue(String v) {
        if (v == null || v.isEmpty() || v.strip().length() != v.length()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Records with arrays compare by identity; requests are values, so compare the body's bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OutOfDialogRequest r
                && method.equals(r.method)
                && requestUri.equals(r.requestUri)
                && to.equals(r.to)
                && from.equals(r.from)
                && hop.equals(r.hop)
                && contentType.equals(r.contentType)
                && java.util.Arrays.equals(body, r.body)
                && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, requestUri, to, from, hop, contentType, java.util.Arrays.hashCode(body), headers);
    }

    @Override
    public String toString() {
        return method + " " + requestUri + " (" + body.length + " body bytes, " + contentType + ")";
    }
}
