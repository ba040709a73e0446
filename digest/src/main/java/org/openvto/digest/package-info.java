/**
 * Digest access authentication shared by HTTP (the console's REST API), SIP (registrar and proxy) and, later,
 * RTSP: the {@code Authorization} header parser (RFC 7616 §3.4, RFC 3261 §25), whose malformed input is a
 * {@link org.openvto.digest.DigestParseResult} value and never an exception; the
 * {@code WWW-Authenticate}/{@code Proxy-Authenticate} challenge ({@link org.openvto.digest.DigestChallenge});
 * the MD5 and SHA-256 algorithms ({@link org.openvto.digest.DigestAlgorithm}, RFC 8760 for SIP); constant-time
 * verification against a stored {@code HA1} with and without {@code qop}
 * ({@link org.openvto.digest.DigestVerifier}); and stateless HMAC nonces with fixed-memory nonce-count replay
 * protection ({@link org.openvto.digest.NonceService}). The {@code digest} module is a protocol library: it
 * depends on nothing but the JDK (checked by {@code ArchitectureTest}), so neither the domain nor any
 * transport is visible here.
 */
package org.openvto.digest;
