package org.openvto.media.rtsp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An RTSP response (RFC 2326 §7) under construction; {@link #encode()} gives its octets. Not thread-safe.
 */
public final class RtspResponse {
    private final int status;
    private final String reason;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private byte[] body = new byte[0];

    public RtspResponse(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    /** A response to {@code request} carrying its CSeq. */
    public static RtspResponse to(RtspRequest request, int status, String reason) {
        return new RtspResponse(status, reason).header("CSeq", request.cseq());
    }

    public RtspResponse header(String name, String value) {
        headers.add(Map.entry(name, value.replaceAll("[\r\n]", " ")));
        return this;
    }

    public RtspResponse body(String contentType, byte[] content) {
        header("Content-Type", contentType);
        this.body = content.clone();
        return this;
    }

    public int status() {
        return status;
    }

    public byte[] encode() {
        StringBuilder head = new StringBuilder("RTSP/1.0 ")
                .append(status)
                .append(' ')
                .append(reason)
                .append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }
}
