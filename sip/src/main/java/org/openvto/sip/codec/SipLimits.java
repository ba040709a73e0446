package org.openvto.sip.codec;

/**
 * Size limits applied while decoding; anything beyond them is reported as {@link SipDecodeResult.Malformed}
 * with a reason naming the limit. Immutable.
 *
 * @param maxLineLength longest start line or header field (after unfolding), in bytes
 * @param maxHeaderCount most header fields in one message
 * @param maxBodyLength largest body (declared Content-Length or datagram remainder), in bytes
 * @param maxMessageLength largest whole message (start line + headers + body), in bytes
 */
public record SipLimits(int maxLineLength, int maxHeaderCount, int maxBodyLength, int maxMessageLength) {
    /** 8 KiB lines, 128 headers, 64 KiB body, 128 KiB message. */
    public static final SipLimits DEFAULT = new SipLimits(8 * 1024, 128, 64 * 1024, 128 * 1024);

    public SipLimits {
        if (maxLineLength < 64 || maxHeaderCount < 8 || maxBodyLength < 0 || maxMessageLength < maxLineLength) {
            throw new IllegalArgumentException("unreasonable SIP limits: " + maxLineLength + "/" + maxHeaderCount + "/"
                    + maxBodyLength + "/" + maxMessageLength);
        }
    }
}
