/**
 * SIP over UDP, TCP and TLS on Netty (RFC 3261 §18), between the codec and the transaction layer:
 * {@link org.openvto.sip.transport.SipTransport} runs all SIP work on one event-loop thread, stamps
 * {@code received}/{@code rport} on inbound Vias, answers malformed requests with 400/505/416/513 instead of
 * throwing, reuses the connection a device registered on as its flow (RFC 5626), connects outbound TCP/TLS
 * asynchronously, limits connections per source and in total, closes idle ones, answers CRLF keep-alives and
 * STUN Binding requests ({@code StunResponder}); {@link org.openvto.sip.transport.SipTransportConfig} holds
 * addresses, TLS identity and limits, {@link org.openvto.sip.transport.SipTransportKind} names the three
 * transports, and {@link org.openvto.sip.transport.RateLimitedLog} keeps hostile traffic from flooding the
 * log. Depends on the codec, the transaction interfaces, Netty and SLF4J; never on the registrar, the proxy or
 * application code.
 */
package org.openvto.sip.transport;
