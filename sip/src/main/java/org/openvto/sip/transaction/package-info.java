/**
 * The RFC 3261 §17 transaction layer, between the transports and the transaction users: the four transaction
 * state machines (INVITE and non-INVITE, client and server, with RFC 6026 Accepted) over the common
 * {@link org.openvto.sip.transaction.Transaction}, their timers
 * ({@link org.openvto.sip.transaction.TimerName}, {@link org.openvto.sip.transaction.TransactionTimers}) on an
 * injectable {@link org.openvto.sip.transaction.TimerScheduler}, and the
 * {@link org.openvto.sip.transaction.TransactionLayer}, which matches messages to transactions, absorbs
 * retransmissions, routes ACK and CANCEL, and creates a server transaction only when the
 * {@link org.openvto.sip.transaction.TransactionUser} answers statefully or keeps a request pending (stateless
 * answers leave nothing behind). The transport is reached only through
 * {@link org.openvto.sip.transaction.TransactionContext}; the package depends on the codec and the JDK only,
 * never on Netty, the registrar, the proxy or application code.
 */
package org.openvto.sip.transaction;
