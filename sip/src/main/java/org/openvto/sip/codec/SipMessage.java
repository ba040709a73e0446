package org.openvto.sip.codec;

import java.util.List;
import java.util.Objects;

/**
 * A SIP request or response: start line, ordered headers and an opaque body (RFC 3261 §7).
 *
 * <p>The header convenience accessors parse on demand from the stored header text every time they are
 * called (nothing is cached, so they always reflect the current headers) and return {@code null} or -1
 * instead of throwing when a header is absent or malformed. Messages produced by {@link
 * SipMessageDecoder} have already had their To, From, CSeq, Call-ID, top Via, Max-Forwards,
 * Content-Length, Expires and Contact headers validated.
 *
 * <p>Mutable and <b>not</b> thread-safe; hand a message from one thread to another only with a
 * happens-before edge (e.g. via a Netty event loop task). {@link #body()} returns the internal array
 * without copying.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {
    /** The only version this stack speaks. */
    public static final String SIP_2_0 = "SIP/2.0";

    private static final byte[] EMPTY = new byte[0];

    private final String version;
    private final SipHeaders headers;
    private byte[] body;

    SipMessage(String version, SipHeaders headers, byte[] body) {
        this.version = Objects.requireNonNull(version, "version");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body == null ? EMPTY : body;
    }

    /** Protocol version from the start line, e.g. {@code SIP/2.0}. */
    public String version() {
        return version;
    }

    public SipHeaders headers() {
        return headers;
    }

    /** The body (never null, possibly empty); the internal array, not a copy. */
    public byte[] body() {
        return body;
    }

    /** Replaces the body; the encoder always writes a matching Content-Length. */
    public void setBody(byte[] body) {
        this.body = body == null ? EMPTY : body;
    }

    public abstract boolean isRequest();

    /** Call-ID value, or {@code null}. */
    public String callId() {
        return headers.get(SipHeaderNames.CALL_ID);
    }

    /** Parsed CSeq, or {@code null} if absent or malformed. */
    public SipCSeq cseq() {
        return SipCSeq.parse(headers.get(SipHeaderNames.CSEQ));
    }

    /** The topmost Via value (first element of the first Via header), parsed; {@code null} if absent/malformed. */
    public SipVia topVia() {
        String v = headers.get(SipHeaderNames.VIA);
        if (v == null) {
            return null;
        }
        int comma = SipHeaders.firstSeparator(v);
        return SipVia.parse(comma < 0 ? v : v.substring(0, comma));
    }

    /** All Via values in order (comma lists split), parsed; {@code null} if any is malformed. */
    public List<SipVia> vias() {
        List<String> all = headers.getAllSplit(SipHeaderNames.VIA);
        List<SipVia> out = new java.util.ArrayList<>(all.size());
        for (String v : all) {
            SipVia via = SipVia.parse(v);
            if (via == null) {
                return null;
            }
            out.add(via);
        }
        return out;
    }

    /** Branch of the top Via, or {@code null}. */
    public String topViaBranch() {
        SipVia v = topVia();
        return v == null ? null : v.branch();
    }

    /** sent-by ({@code host[:port]}) of the top Via, or {@code null}. */
    public String topViaSentBy() {
        SipVia v = topVia();
        return v == null ? null : v.sentBy();
    }

    /** {@code received} of the top Via, or {@code null}. */
    public String topViaReceived() {
        SipVia v = topVia();
        return v == null ? null : v.received();
    }

    /** {@code rport} of the top Via: port value, 0 if present without value, -1 if absent. */
    public int topViaRport() {
        SipVia v = topVia();
        return v == null ? -1 : v.rport();
    }

    /** Parsed From, or {@code null}. */
    public NameAddr from() {
        String v = headers.get(SipHeaderNames.FROM);
        return v == null ? null : NameAddr.parse(v);
    }

    /** Parsed To, or {@code null}. */
    public NameAddr to() {
        String v = headers.get(SipHeaderNames.TO);
        return v == null ? null : NameAddr.parse(v);
    }

    /** From tag, or {@code null}. */
    public String fromTag() {
        NameAddr f = from();
        return f == null ? null : f.tag();
    }

    /** To tag, or {@code null}. */
    public String toTag() {
        NameAddr t = to();
        return t == null ? null : t.tag();
    }

    /** Max-Forwards 0..255, or -1 if absent or invalid. */
    public int maxForwards() {
        String v = headers.get(SipHeaderNames.MAX_FORWARDS);
        if (v == null) {
            return -1;
        }
        long n = SipChars.parseUnsigned(v, 255);
        return n < 0 ? -1 : (int) n;
    }

    /** The declared Content-Length header value, or -1 if absent or invalid (the body length is {@code body().length}). */
    public int contentLength() {
        String v = headers.get(SipHeaderNames.CONTENT_LENGTH);
        if (v == null) {
            return -1;
        }
        long n = SipChars.parseUnsigned(v, Integer.MAX_VALUE);
        return n < 0 ? -1 : (int) n;
    }

    /** Expires header in seconds, or -1 if absent or invalid. */
    public long expires() {
        String v = headers.get(SipHeaderNames.EXPIRES);
        if (v == null) {
            return -1;
        }
        long n = SipChars.parseUnsigned(v, 0xFFFF_FFFFL);
        return n < 0 ? -1 : n;
    }

    /** All Contact values in order (comma lists split); {@code null} if any is malformed. */
    public List<NameAddr> contacts() {
        List<String> all = headers.getAllSplit(SipHeaderNames.CONTACT);
        List<NameAddr> out = new java.util.ArrayList<>(all.size());
        for (String v : all) {
            NameAddr na = NameAddr.parse(v);
            if (na == null) {
                return null;
            }
            out.add(na);
        }
        return out;
    }

    /** The start line without CRLF. */
    public abstract String startLine();

    @Override
    public String toString() {
        return startLine() + "\r\n" + headers + "\r\n(" + body.length + " body bytes)";
    }
}
