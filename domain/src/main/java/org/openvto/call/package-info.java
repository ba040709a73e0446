/**
 * Calls. The door station's own calls (Quick Start Guide 1.2 video call, group call, emergency call, being
 * monitored; 2.5 the keyboard; 4.3.1 calling a VTH from the VTO; 4.3.2 monitor from a VTH) are {@link
 * org.openvto.call.Calls}: the façade's call keys and keyboard ({@code CALL} dials the digits typed without a
 * leading {@code #}, {@code *} or a 10 s pause clears them, {@code CENTRE} makes the emergency call) and the {@link
 * org.openvto.call.CallSignal}s of SIP drive one explicit state machine ({@code internal.CallMachine}: IDLE →
 * CALLING → RINGING → TALKING → ENDED, {@link org.openvto.call.CallState}) on one calls thread, with the ring
 * timeout, talk time and monitor time of {@link org.openvto.call.CallSettings} as timers. One visitor call at a
 * time: a second dial gets "line busy", the visitor's own call key hangs up, the emergency call ends any other call
 * first; a monitor session while busy is refused with 486. DTMF from the device talking to the VTO goes to {@code
 * access.AccessControl}; from anyone else it is ignored and counted. Every call ends in one {@code
 * records.CallRecord} (with the JPEG taken when it rang, {@code records.CallSnapshots}), stored before its {@link
 * org.openvto.call.CallEvent} ({@code call/<callId>/hung-up}…) announces the end. SIP is behind {@link
 * org.openvto.call.CallSignalling}, which the app implements with the VTO's user agent.
 *
 * <p>{@link org.openvto.call.CallStateChanged} is the {@code call/<Call-ID>/ringing|answered|ended} event that the
 * app module publishes for every call the building SIP server routes between other devices (one {@code ringing}
 * per forked device, then the answering one, then the end with its reason). It is published on the SIP thread, so
 * subscribers must not block. Domain layer: depends only on the JDK, {@code common} and the domain's own
 * packages; it must not import the SIP stack, web, storage, JDBC, Netty or Javalin.
 */
package org.openvto.call;
