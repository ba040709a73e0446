package org.openvto.sip.proxy;

import java.util.List;

/**
 * The numbering plan the proxy routes by, which the application supplies: which accounts a call to a
 * Request-URI user reaches. The proxy forks in parallel to every live binding of every account returned
 * (RFC 3261 §16.6), in the order given; an empty list means the number does not exist ({@code 404}), accounts
 * with no live binding mean nobody can answer ({@code 480}).
 *
 * <p>Called on the SIP thread for every out-of-dialog request: answer from memory, never block or throw.
 */
@FunctionalInterface
public interface TargetResolver {
    /** The accounts {@code user} reaches, in ring order; empty when it is no number here. */
    List<String> accounts(String user);
}
