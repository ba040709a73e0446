/**
 * The building's dialog-stateful forking proxy (RFC 3261 §16; Quick Start Guide 1.2 "Group call"), a
 * transaction user: {@link org.openvto.sip.proxy.Proxy} authenticates callers (407), requires them to be
 * registered, forks a call to a room ({@code sip:101@VDP}) to every registered device of it ({@code 101#0},
 * {@code 101#1}, …) in parallel, lets the first 2xx win and CANCELs the other branches, answers 480/404 or the
 * best failure otherwise, Record-Routes with the transport of each leg, and feeds the
 * {@link org.openvto.sip.dialog.DialogTable}. It sits on the codec, transport, transaction, dialog and
 * registrar packages of this module and depends only on them, the JDK and SLF4J, never on application code.
 */
package org.openvto.sip.proxy;
