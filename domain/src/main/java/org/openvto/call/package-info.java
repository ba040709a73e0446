/**
 * Call facts shared between the SIP server and the rest of the VTO: {@link org.openvto.call.CallStateChanged}
 * is the {@code call/<Call-ID>/ringing|answered|ended} event that the app module publishes on the event bus
 * for every call the building SIP server routes (one {@code ringing} per forked device, then the answering
 * one, then the end with its reason), for call records and status. It is published on the SIP thread, so
 * subscribers must not block. Domain layer: depends only on the JDK and {@code common}; it must not import the
 * SIP stack, web, storage, JDBC, Netty or Javalin.
 */
package org.openvto.call;
