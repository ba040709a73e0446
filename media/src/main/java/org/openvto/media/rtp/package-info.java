/**
 * RTP (RFC 3550): {@link org.openvto.media.rtp.RtpPacket} with its fixed header, CSRC list and header extension;
 * {@link org.openvto.media.rtp.RtpPacket#decode} treats malformed input as data (an empty result with the reason),
 * never as an exception. Media layer: JDK only.
 */
package org.openvto.media.rtp;
