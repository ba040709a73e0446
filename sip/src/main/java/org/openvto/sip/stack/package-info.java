/**
 * One SIP port's machinery and who gets its requests: {@link org.openvto.sip.stack.SipStack} (the transports and
 * the RFC 3261 §17 transaction layer with its timers, one per SIP port) and {@link org.openvto.sip.stack.SipRouter}
 * (hands each request to the transaction user it is for — registrar, proxy, the VTO's own user agent — after
 * the checks every UAS and proxy makes: flood-banned sources dropped, 505 for another SIP version, 416 for a
 * non-SIP URI). Above codec, transport and transaction; below the transaction users, which it does not know:
 * it routes by predicates they are registered with.
 */
package org.openvto.sip.stack;
