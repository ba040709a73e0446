/**
 * SDP (RFC 8866) and the offer/answer model (RFC 3264) for the door station's calls and its RTSP server.
 *
 * <ul>
 *   <li>{@link org.openvto.media.sdp.SdpParser} reads a SIP body into an {@link org.openvto.media.sdp.Sdp} — origin,
 *       session and media {@link org.openvto.media.sdp.Connection}s (IPv4, IPv6; 0.0.0.0 is hold), {@link
 *       org.openvto.media.sdp.MediaSection}s with their formats, {@code rtpmap}, {@code fmtp}, {@code ptime},
 *       {@link org.openvto.media.sdp.Direction}, {@code rtcp} (RFC 3605) and {@code rtcp-mux} (RFC 5761) — or a
 *       {@code Malformed} reason naming the line, never an exception. Bounded: 8 KiB, lines of 1,024 characters, 8
 *       {@code m=} sections, 64 attributes per section. Unknown attributes and uninterpreted lines are kept, so a
 *       description formats back to text that parses to an equal one (the fuzz target checks it).</li>
 *   <li>{@link org.openvto.media.sdp.OfferAnswer} builds our offer and re-offer, answers an offer (same {@code m=}
 *       lines in order, rejected ones with port 0, the offerer's payload type numbers, directions per §6.1) and reads
 *       the answer to ours, each giving a {@link org.openvto.media.sdp.Negotiated}: per medium the remote RTP and
 *       RTCP addresses, payload types each way, telephone-event (RFC 4733), ptime, H.264 packetization mode and
 *       profile-level-id (RFC 6184 §8.2.2), direction and hold — or a reason naming what was offered. What the
 *       device can do is a {@link org.openvto.media.sdp.MediaCapabilities}: PCMU, PCMA, DTMF events, and the camera's
 *       H.264 sent only.</li>
 *   <li>{@link org.openvto.media.sdp.SessionDescription} is the RTSP DESCRIBE answer, written through the same
 *       model.</li>
 * </ul>
 *
 * <p>Values only: immutable, thread-safe, no I/O and no name resolution (an address that is not an IP literal is a
 * reason). Media layer: JDK and {@code org.openvto.media.h264} only. Implementation in {@code .internal}.
 */
package org.openvto.media.sdp;
