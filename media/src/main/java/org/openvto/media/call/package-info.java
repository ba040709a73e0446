/**
 * The media of the door station's own SIP calls (issue 13): {@link org.openvto.media.call.CallMedia}, one per call,
 * sends the camera and the microphone to every remote party of a forked call (early media) over RTP (RFC 3550,
 * RFC 6184 H.264, RFC 3551 G.711), plays the answering party's audio through a jitter buffer into an {@link
 * org.openvto.media.call.AudioSink} ({@link org.openvto.media.call.LevelMeteringSink} on a PC), reports its key
 * presses (RFC 4733) to a {@link org.openvto.media.call.DtmfListener}, and exchanges RTCP reports. Symmetric RTP (RFC
 * 4961): only the parties' negotiated addresses are heard. The negotiated parameters arrive as plain values ({@link
 * org.openvto.media.call.PeerMedia}); SDP itself is not read here. Netty for UDP; bytes and packets only, no
 * application imports. Implementation in {@code .internal}.
 */
package org.openvto.media.call;
