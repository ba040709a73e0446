package org.openvto.sip.codec;

/**
 * A SIP response: {@code SIP-Version SP Status-Code SP Reason-Phrase}. The reason phrase may be empty
 * (RFC 4475 §3.1.1.13) and may contain UTF-8 (§3.1.1.12). Mutable and not thread-safe, like {@link
 * SipMessage}.
 */
public final class SipResponse extends SipMessage {
    private final int statusCode;
    private final String reasonPhrase;

    public SipResponse(SipResponseStatus status) {
        this(status.code(), status.reasonPhrase(), SIP_2_0, new SipHeaders(), null);
    }

    public SipResponse(int statusCode, String reasonPhrase, String version, SipHeaders headers, byte[] body) {
        super(version, headers, body);
        new SipResponseStatus(statusCode, reasonPhrase); // validates range and single-line phrase
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
    }

    /** Decoder path: arguments already validated. */
    SipResponse(int statusCode, String reasonPhrase, String version, SipHeaders headers, byte[] body, boolean trusted) {
        super(version, headers, body);
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
    }

    /**
     * Starts a response to {@code request} per RFC 3261 §8.2.6.2: copies all Via fields (in order), From,
     * To, Call-ID and CSeq. Adding a To tag is left to the caller. Works on partially valid requests
     * (e.g. the {@code partialOrNull} of a {@link SipDecodeResult.Malformed}): missing headers are skipped.
     */
    public static SipResponse createFor(SipRequest request, int statusCode, String reasonPhrase) {
        SipResponse r = new SipResponse(statusCode, sanitize(reasonPhrase), SIP_2_0, new SipHeaders(), null);
        SipHeaders in = request.headers();
        SipHeaders out = r.headers();
        for (int i = 0; i < in.size(); i++) {
            String key = in.keyAt(i);
            if (key.equals("via")
                    || key.equals("from")
                    || key.equals("to")
                    || key.equals("call-id")
                    || key.equals("cseq")) {
                out.addTrusted(in.nameAt(i), key, in.valueAt(i));
            }
        }
        return r;
    }

    /** Makes arbitrary text (e.g. a decoder reason) usable as a reason phrase. */
    static String sanitize(String reason) {
        if (reason == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (c < ' ' || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(reason);
                }
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? reason : sb.toString();
    }

    /** {@link #createFor(SipRequest, int, String)} with the status's standard reason phrase. */
    public static SipResponse createFor(SipRequest request, SipResponseStatus status) {
        return createFor(request, status.code(), status.reasonPhrase());
    }

    /**
     * Adds a To tag derived from the To header (RFC 3261 §8.2.6.2), so that a retransmitted request answered
     * again — statelessly, by a UAS that keeps no state for it — gets the very same response.
     */
    public SipResponse withStableToTag() {
        String to = headers().get("To");
        return withToTag(Long.toHexString(to == null ? 0 : to.hashCode() & 0xffffffffL));
    }

    /** Adds {@code ;tag=<tag>} to To unless it has one (a UAS/registrar/proxy's own responses, §8.2.6.2). */
    public SipResponse withToTag(String tag) {
        String to = headers().get("To");
        if (to != null && !to.contains(";tag=")) {
            headers().set("To", to + ";tag=" + tag);
        }
        return this;
    }

    public int statusCode() {
        return statusCode;
    }

    public String reasonPhrase() {
        return reasonPhrase;
    }

    @Override
    public boolean isRequest() {
        return false;
    }

    @Override
    public String startLine() {
        return version() + " " + statusCode + " " + reasonPhrase;
    }
}
