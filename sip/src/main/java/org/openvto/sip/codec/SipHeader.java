package org.openvto.sip.codec;

/**
 * One header field as stored in {@link SipHeaders}: the name in canonical spelling for known headers
 * (compact forms expanded) or as received for extension headers, and the value as received (leading and
 * trailing whitespace removed, folded lines joined by a single space). Immutable.
 */
public record SipHeader(String name, String value) {}
