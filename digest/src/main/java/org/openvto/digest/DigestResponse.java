package org.openvto.digest;

/**
 * The parameters of a client's {@code Authorization: Digest …} header (RFC 7616 §3.4).
 * Optional parameters are {@code null} when absent. Values are unquoted.
 */
public record DigestResponse(
        String username,
        String realm,
        String nonce,
        String uri,
        String response,
        DigestAlgorithm algorithm,
        String qop,
        String cnonce,
        String nc,
        String opaque) {}
