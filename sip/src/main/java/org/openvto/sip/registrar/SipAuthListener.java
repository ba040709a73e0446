package org.openvto.sip.registrar;

import java.time.Instant;

/**
 * Told when SIP digest locks an account for a source address or bans a flooding source, for the security
 * log. Called on the SIP thread, at most once per lock or ban: implementations must return at once and never
 * block (hand the work to another thread); an exception is logged and otherwise ignored.
 */
public interface SipAuthListener {
    /** Does nothing. */
    SipAuthListener NONE = new SipAuthListener() {
        @Override
        public void onLocked(String account, String sourceIp, int failures, Instant until) {}

        @Override
        public void onBanned(String sourceIp, int requests, Instant until) {}
    };

    /**
     * {@code account} (as presented: unknown users are locked the same way) is refused from {@code sourceIp}
     * until {@code until} after {@code failures} wrong responses.
     */
    void onLocked(String account, String sourceIp, int failures, Instant until);

    /** {@code sourceIp} sent {@code requests} unauthenticated requests within a second and is ignored until {@code until}. */
    void onBanned(String sourceIp, int requests, Instant until);
}
