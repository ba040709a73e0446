package org.openvto.sip.ua;

import java.net.InetSocketAddress;

/**
 * The remote party of a call as SIP shows it: one device of a forked call.
 *
 * @param remoteTag its dialog tag (tells the devices of a forked call apart)
 * @param contact its Contact URI (a registered device is found by it in the location service)
 * @param identity who it is when a trusted proxy said so ({@code P-Asserted-Identity}, RFC 3325), else the From or
 *     To URI
 * @param source where its message came from (a proxy's address when one is in the path); null when unknown
 */
public record CallLeg(String remoteTag, String contact, String identity, InetSocketAddress source) {}
