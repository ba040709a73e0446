/**
 * The VTO's own SIP user agent, beside the registrar and the proxy as a transaction user of the same stack: for
 * now {@link org.openvto.sip.ua.UserAgentClient}, which sends requests outside any dialog (RFC 3261 §8.1 — the
 * {@code MESSAGE} of RFC 3428 to the management centre) through a non-INVITE client transaction and hands back
 * the final response ({@link org.openvto.sip.ua.OutOfDialogRequest} says what to send). The VTO's calls (RFC 3261
 * §12 dialogs) will join here. Builds on the codec, the transaction layer and the transport's paths; never on the
 * registrar, the proxy, the stack or the server, and never on application code.
 */
package org.openvto.sip.ua;
