/**
 * SIP message codec: the bottom layer of the OpenVTO RFC 3261 stack.
 *
 * <p>{@link org.openvto.sip.codec.SipMessageDecoder} (datagrams) and {@link
 * org.openvto.sip.codec.SipStreamDecoder} (TCP/TLS framing) turn bytes into {@link
 * org.openvto.sip.codec.SipDecodeResult} values — never exceptions — and {@link
 * org.openvto.sip.codec.SipMessageEncoder} turns {@link org.openvto.sip.codec.SipMessage}s back into
 * bytes. {@link org.openvto.sip.codec.SipUri}, {@link org.openvto.sip.codec.NameAddr}, {@link
 * org.openvto.sip.codec.SipVia} and {@link org.openvto.sip.codec.SipCSeq} parse individual header values
 * on demand. The package depends only on the JDK, Netty buffer/codec and SLF4J.
 */
package org.openvto.sip.codec;
