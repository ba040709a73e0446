package org.openvto.media.rtsp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RTSP request (RFC 2326 §6) as received: method, Request-URI, version, headers in arrival order, body.
 *
 * @param method the method token as sent (upper case for the methods this server knows)
 * @param uri the Request-URI, an absolute {@code rtsp://} URL or {@code *}
 * @param version {@code RTSP/1.0}
 * @param headers name/value pairs in order; names compared case-insensitively
 * @param body the entity body ({@code Content-Length} bytes)
 */
public record RtspRequest(
        String method, String uri, String version, List<Map.Entry<String, String>> headers, byte[] body) {
    public RtspRequest {
        headers = List.copyOf(headers);
    }

    /** The first header of that name (case-insensitive). */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return Optional.of(h.getValue());
            }
        }
        return Optional.empty();
    }

    /** The CSeq header (RFC 2326 §12.17), echoed in the response; "0" when absent. */
    public String cseq() {
        return header("CSeq").orElse("0");
    }
}
