/**
 * H.264 over RTP (RFC 6184, packetization mode 1): {@link org.openvto.media.h264.AnnexB} splits an encoder's
 * byte stream into NAL units, {@link org.openvto.media.h264.H264Packetizer} turns an access unit into single-NAL
 * (§5.6) and FU-A (§5.8) payloads, the marker on the access unit's last packet (§5.1). Media layer: JDK only.
 */
package org.openvto.media.h264;
