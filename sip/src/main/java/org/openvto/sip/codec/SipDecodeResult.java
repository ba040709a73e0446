package org.openvto.sip.codec;

/**
 * Outcome of decoding one SIP message. Malformed input is a value, never an exception.
 *
 * <p>Callers: for {@link Decoded}, hand the message on. For {@link Malformed} with {@code request} true
 * and a non-null partial message, answer {@code 400 <reason>} (see {@link SipResponse#createFor}) unless
 * it is an ACK; otherwise (a malformed response, or a request too broken to answer) drop it and count it.
 * On stream transports also check {@link SipStreamDecoder#isFramingLost()} and close the connection when
 * it is true.
 */
public sealed interface SipDecodeResult {
    /** A well-formed message. */
    record Decoded(SipMessage message) implements SipDecodeResult {}

    /**
     * A message that could not be accepted.
     *
     * @param reason short description safe to log and to use as a reason phrase (names the offending
     *     header or limit)
     * @param request true if the start line looked like a request (i.e. did not start with {@code SIP/})
     * @param partialOrNull for requests whose method parsed (even if the Request-URI or version did not): the request with whatever headers were
     *     read and the body if it was framed, so that a 400 can be built; otherwise {@code null}
     * @param tooLarge true when the message broke a size limit ({@link SipLimits}): answer 513 Message Too Large
     *     (RFC 3261 §21.5.14) instead of 400
     */
    record Malformed(String reason, boolean request, SipMessage partialOrNull, boolean tooLarge)
            implements SipDecodeResult {
        /** A message malformed in content (not in size). */
        public Malformed(String reason, boolean request, SipMessage partialOrNull) {
            this(reason, request, partialOrNull, false);
        }
    }

    /**
     * A CRLFCRLF keep-alive ping on a stream (RFC 5626 §4.4.1): answer with a single CRLF pong. Single CRLFs
     * between messages (pongs, stray line ends) are skipped without a result.
     */
    record KeepAlive() implements SipDecodeResult {
        public static final KeepAlive INSTANCE = new KeepAlive();
    }
}
