/**
 * The assembled building SIP server (Quick Start Guide 4.2.4 "VTO as SIP server"), the top of the SIP stack:
 * {@link org.openvto.sip.server.SipServer} puts the {@link org.openvto.sip.registrar.Registrar} (REGISTER), OPTIONS
 * to the server itself and the forking {@link org.openvto.sip.proxy.Proxy} (everything else) as routes of a
 * {@link org.openvto.sip.stack.SipRouter} on one {@link org.openvto.sip.stack.SipStack};
 * {@link org.openvto.sip.server.SipServerConfig} holds everything it is configured with, built in part from
 * {@link org.openvto.sip.server.SipConfig}, the protocol settings of the defaults file; and {@code SipWarmup}
 * runs the REGISTER hot path once per process through a throw-away copy of the stack so that a cold JVM meets
 * a re-registration storm compiled. This is the SIP module's public entry point for the app module, which
 * supplies accounts, the numbering plan, the binding store and the listeners; like the whole module it depends only on the JDK,
 * Netty, SLF4J and {@code digest}, never on application code — and, in this package alone, on the generic
 * range checks of {@code org.openvto.config} (common), so that {@code SipConfig} fails like every other
 * configuration record.
 */
package org.openvto.sip.server;
