package org.openvto.digest;

/** Outcome of parsing an Authorization header: malformed input is a value, never an exception. */
public sealed interface DigestParseResult {
    /** The header was well-formed. */
    record Parsed(DigestResponse response) implements DigestParseResult {}

    /** The header was not a usable Digest response; {@code reason} says why (safe to log). */
    record Malformed(String reason) implements DigestParseResult {}
}
