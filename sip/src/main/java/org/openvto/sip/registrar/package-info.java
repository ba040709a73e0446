/**
 * The building registrar (RFC 3261 §10.3) and the SIP digest defences it shares with the proxy:
 * {@link org.openvto.sip.registrar.Registrar} answers REGISTER statelessly for the served domain only
 * ({@link org.openvto.sip.registrar.ServedDomains}: {@code VDP} and the server's own addresses, else 403),
 * keeps the bindings of rooms ({@code 101#0}), VTOs and the management centre in the in-memory
 * {@link org.openvto.sip.registrar.LocationService}, written behind to a durable
 * {@link org.openvto.sip.registrar.BindingStore} ({@link org.openvto.sip.registrar.WriteBehindBindingStore});
 * {@link org.openvto.sip.registrar.SipDigestAuth} challenges and verifies register passwords from
 * {@link org.openvto.sip.registrar.SipAccounts}, refuses credentials without {@code qop}, and with
 * {@link org.openvto.sip.registrar.SipAuthGuard} locks an (account, source address) pair after repeated
 * failures and bans flooding sources, reported through {@link org.openvto.sip.registrar.SipAuthListener}. A
 * transaction user over the codec and transaction packages and the {@code digest} library; it must not depend
 * on the proxy, the transports' Netty types or application code (accounts and storage come in through the
 * interfaces here).
 */
package org.openvto.sip.registrar;
