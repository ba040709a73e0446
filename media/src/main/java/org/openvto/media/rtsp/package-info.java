/**
 * The RTSP 1.0 server (RFC 2326) for the door camera: request framing and parsing, the {@code Transport} header,
 * the URLs door-station clients use, and {@link org.openvto.media.rtsp.RtspServer} on Netty (RTP over UDP and
 * interleaved, RTCP sender reports out and receiver reports in). Bytes and messages only: authentication and the
 * stream limit come from the application through {@link org.openvto.media.rtsp.RtspAuthenticator} and
 * {@link org.openvto.media.video.StreamSlots}.
 */
package org.openvto.media.rtsp;
