/**
 * The dialog layer of the building proxy (RFC 3261 §12–§15), above transactions and below the proxy: a
 * {@link org.openvto.sip.dialog.Dialog} state machine per call leg, identified by
 * {@link org.openvto.sip.dialog.DialogId} (Call-ID and both tags) — early per ringing fork branch, confirmed
 * by a 2xx, ended by a failure, BYE or expiry — kept by the {@link org.openvto.sip.dialog.DialogTable}, which
 * sweeps dialogs whose ending signalling was lost and reports each change to a listener (the app turns these
 * into call events); other threads read immutable {@link org.openvto.sip.dialog.DialogInfo} snapshots. It
 * depends only on the codec and the JDK, never on transports, the registrar or application code.
 */
package org.openvto.sip.dialog;
