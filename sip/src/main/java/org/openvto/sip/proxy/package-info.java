/**
 * The building's dialog-stateful forking proxy (RFC 3261 §16; Quick Start Guide 1.2 "Group call"), a
 * transaction user: {@link org.openvto.sip.proxy.Proxy} authenticates callers (407), requires them to be
 * registered, asks the application's {@link org.openvto.sip.proxy.TargetResolver} (the building's numbering
 * plan) whom a number reaches, forks to every registered device of them ({@code sip:101@VDP} → {@code 101#0},
 * {@code 101#1}, …) in parallel, lets the first 2xx win and CANCELs the other branches, answers 480/404 or the
 * best failure otherwise, and Record-Routes with the transport of each leg. The calls it routes are kept as the
 * proxy sees them: a {@link org.openvto.sip.proxy.Dialog} state machine per call leg ({@link
 * org.openvto.sip.proxy.DialogId}: Call-ID and both tags) — early per ringing branch, confirmed by a 2xx, ended
 * by a failure, BYE or expiry — in the {@link org.openvto.sip.proxy.DialogTable}, which sweeps dialogs whose
 * ending signalling was lost and reports each change to a listener; other threads read immutable {@link
 * org.openvto.sip.proxy.DialogInfo} snapshots. (A user agent's own RFC 3261 §12 dialogs will live in their own
 * package.) It sits on the codec, transport ({@link org.openvto.sip.transport.SipPaths}), transaction and
 * registrar packages and depends only on them, the JDK and SLF4J, never on application code.
 */
package org.openvto.sip.proxy;
