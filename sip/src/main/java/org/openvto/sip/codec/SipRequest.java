package org.openvto.sip.codec;

import java.util.Objects;

/**
 * A SIP request: {@code Method SP Request-URI SP SIP-Version}. The method is case-sensitive and may be
 * any token (extension methods allowed); the Request-URI is kept as text ({@link #sipRequestUri()}
 * parses it when it is a SIP/SIPS URI). Mutable and not thread-safe, like {@link SipMessage}.
 */
public final class SipRequest extends SipMessage {
    private final String method;
    private String requestUri;

    public SipRequest(String method, String requestUri) {
        this(method, requestUri, SIP_2_0, new SipHeaders(), null);
    }

    public SipRequest(String method, String requestUri, String version, SipHeaders headers, byte[] body) {
        super(version, headers, body);
        if (!SipMethod.isValid(method)) {
            throw new IllegalArgumentException("method is not a token: " + method);
        }
        this.method = method;
        setRequestUri(requestUri);
    }

    /** Decoder path: arguments already validated. */
    SipRequest(String method, String requestUri, String version, SipHeaders headers, byte[] body, boolean trusted) {
        super(version, headers, body);
        this.method = method;
        this.requestUri = requestUri;
    }

    /**
     * The CANCEL for this INVITE (RFC 3261 §9.1): same Request-URI, Call-ID, From, To, CSeq number and top Via
     * (so it matches the INVITE's transaction downstream), the same Route values, method CANCEL, no body.
     */
    public SipRequest cancel() {
        return sameTransaction(SipMethod.CANCEL, headers().get(SipHeaderNames.TO));
    }

    /**
     * The ACK for a non-2xx final {@code response} to this INVITE (§17.1.1.3): like {@link #cancel} but
     * method ACK and the To of the response (with its tag).
     */
    public SipRequest ackFor(SipResponse response) {
        return sameTransaction(SipMethod.ACK, response.headers().get(SipHeaderNames.TO));
    }

    private SipRequest sameTransaction(String method, String to) {
        SipRequest r = new SipRequest(method, requestUri());
        SipHeaders h = r.headers();
        h.add(SipHeaderNames.VIA, headers().getAllSplit(SipHeaderNames.VIA).get(0)); // only the top Via
        for (String route : headers().getAll(SipHeaderNames.ROUTE)) {
            h.add(SipHeaderNames.ROUTE, route);
        }
        h.add(SipHeaderNames.MAX_FORWARDS, "70");
        h.add(SipHeaderNames.FROM, headers().get(SipHeaderNames.FROM));
        h.add(SipHeaderNames.TO, to);
        h.add(SipHeaderNames.CALL_ID, headers().get(SipHeaderNames.CALL_ID));
        h.add(SipHeaderNames.CSEQ, cseq().number() + " " + method);
        h.add(SipHeaderNames.CONTENT_LENGTH, "0");
        return r;
    }

    public String method() {
        return method;
    }

    public String requestUri() {
        return requestUri;
    }

    /** Replaces the Request-URI (e.g. after a registrar lookup or loose-route processing). */
    public void setRequestUri(String requestUri) {
        Objects.requireNonNull(requestUri, "requestUri");
        if (SipUri.absoluteUriError(requestUri) != null) {
            throw new IllegalArgumentException("not an absolute URI: " + requestUri);
        }
        this.requestUri = requestUri;
    }

    /** The Request-URI parsed as SIP/SIPS, or {@code null} for other schemes. */
    public SipUri sipRequestUri() {
        return SipUri.parse(requestUri);
    }

    @Override
    public boolean isRequest() {
        return true;
    }

    @Override
    public String startLine() {
        return method + " " + requestUri + " " + version();
    }
}
