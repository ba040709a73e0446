/**
 * {@link org.openvto.media.call.CallMedia}'s parts: the RTP/RTCP port pairs ({@code PortPair}), non-blocking datagram
 * writes on the event loop ({@code RtpWriter}), per-party legs with their RTCP reception statistics ({@code Leg},
 * {@code ReceptionStats}, RFC 3550 §6.4, A.1, A.3, A.8), the jitter buffer ({@code JitterBuffer}), RFC 4733
 * telephone-events ({@code TelephoneEvent}, {@code DtmfDetector}) and the per-mode H.264 packing ({@code
 * VideoPacking}). Used only by {@code org.openvto.media.call}.
 */
package org.openvto.media.call.internal;
