/**
 * An RTSP 1.0 client (RFC 2326) for relaying a camera: DESCRIBE with Digest (RFC 2617, with or without
 * {@code qop=auth}) or, only when allowed, Basic; the first H.264 track of the SDP; SETUP interleaved over the
 * connection (TCP: no ports to open, survives NAT); PLAY; keep-alives; TEARDOWN. Responses and interleaved frames are
 * read by {@code internal.ResponseReader} with bounded heads and bodies; malformed input is an
 * {@link org.openvto.media.rtsp.client.RtspClientException}, never another exception. Blocking, on the caller's
 * thread: one relay is one connection and one thread. Protocol layer: no application imports.
 */
package org.openvto.media.rtsp.client;
