/**
 * Time for tests: {@link org.openvto.time.ManualClock} is a thread-safe {@link java.time.Clock} that moves
 * only when {@code advance} is called, injected wherever production code takes a {@code Clock} (login locks,
 * digest nonces, SIP timers and registrations, dialog expiry) so that time-dependent rules are tested without
 * sleeping. Part of the {@code common} module: depends only on the JDK.
 */
package org.openvto.time;
