/**
 * How {@link org.openvto.call.Calls} works inside: the state machine ({@link
 * org.openvto.call.internal.CallMachine}, fed {@link org.openvto.call.internal.Input}s on the calls thread), one
 * active {@code Call}, the keyboard's number entry, and {@link org.openvto.call.internal.SerialExecutor}, which runs
 * the calls thread's inputs and each call's blocking work (record, unlock, snapshot, events) one at a time in order.
 */
package org.openvto.call.internal;
