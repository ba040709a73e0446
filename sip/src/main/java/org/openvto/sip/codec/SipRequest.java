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
