package org.openvto.sip.registrar;

import java.time.Instant;

/**
 * One registered contact of an address-of-record (RFC 3261 §10.3).
 *
 * @param user      the account ({@code 101#0})
 * @param contact   the Contact URI as registered
 * @param source    where the REGISTER came from, {@code ip:port}, and over which transport
 * @param callId    Call-ID and CSeq of the REGISTER that last refreshed it (§10.3 step 7 ordering)
 * @param expiresAt when the binding lapses unless refreshed
 * @param registerId the transaction id (branch, sent-by, method) of that REGISTER, so that its
 *                  retransmissions are recognised and answered again without a stored transaction;
 *                  {@code null} when unknown
 */
public record Binding(
        String user,
        String contact,
        String source,
        String transport,
        String userAgent,
        String callId,
        long cseq,
        Instant expiresAt,
        String registerId) {}
