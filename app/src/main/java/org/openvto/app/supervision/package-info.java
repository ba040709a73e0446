/**
 * Keeping one in-process service running: {@link org.openvto.app.supervision.Supervisor} starts, stops and
 * restarts a {@link org.openvto.app.supervision.Supervised} service — on a {@code ConfigChanged} that names its
 * {@code household.Service}, on {@code RebootRequested}, and (optionally) when a watchdog finds it dead — and
 * reports whether it runs and, if not, why. The building SIP server and the web server are supervised this way;
 * each supervised service only knows how to build, start and stop itself.
 *
 * <p>It lives in {@code app}, not in {@code common}: it reacts to the domain's configuration and reboot events
 * ({@code org.openvto.household}), which {@code common} must not import (it knows only the JDK and SLF4J).
 */
package org.openvto.app.supervision;
