/**
 * Test support for every module, at test scope only: {@link org.openvto.testkit.ManualClock} (a thread-safe
 * {@link java.time.Clock} that moves only when told, injected wherever production code takes a Clock, so that
 * locks, nonces, SIP timers and expiries are tested without sleeping), {@link org.openvto.testkit.ManualScheduler}
 * (a {@link java.util.concurrent.ScheduledExecutorService} whose scheduled tasks run only when the test advances
 * it), {@link org.openvto.testkit.Ports} (free
 * loopback ports and port blocks for real servers) and {@link org.openvto.testkit.Await} (integration tests
 * wait on a real signal with a deadline, never a fixed pause; {@link org.openvto.testkit.Deadline} for hand-written
 * polling loops). {@code org.openvto.testkit.peers}: real SIP peers (linphone, baresip) and a packet capture.
 * Depends only on the JDK, and on Jackson for baresip's JSON control protocol.
 */
package org.openvto.testkit;
