/**
 * Netty buffer leaks as test failures: {@link org.openvto.testkit.netty.RecordingLeakDetector} (installed as Netty's
 * detector by the build, at the paranoid level) keeps every reported leak; {@link
 * org.openvto.testkit.netty.NettyLeaks#assertNone()} fails the test that caused one.
 */
package org.openvto.testkit.netty;
