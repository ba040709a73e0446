package org.openvto.media.rtsp.internal;

import org.openvto.media.rtsp.RtspRequest;

/** What the framing decoder hands the connection handler. */
sealed interface Inbound {
    record Request(RtspRequest request) implements Inbound {}

    /** An interleaved binary frame ({@code $}, channel, 16-bit length, data; RFC 2326 §10.12): the client's RTCP. */
    record Interleaved(int channel, byte[] data) implements Inbound {}

    /** Input that is not RTSP: answered with 400, counted, and the connection closed (it cannot be resynchronised). */
    record Malformed(String reason) implements Inbound {}
}
