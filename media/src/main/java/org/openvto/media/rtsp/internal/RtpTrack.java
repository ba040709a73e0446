package org.openvto.media.rtsp.internal;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.random.RandomGenerator;
import org.openvto.media.rtp.RtpSequencer;
import org.openvto.media.rtsp.Transport;

/**
 * The sending side of one track of one session: its RTP stream (SSRC, sequence numbers, media clock) and where its
 * packets go — interleaved channels on the RTSP connection, or the client's UDP port pair.
 *
 * <p>Threading: the sequencer and the last-sent time are guarded by the session's lock.
 */
final class RtpTrack {
    final int id; // trackID
    final Transport transport;
    final Channel connection;
    final Channel udp; // the server's shared RTP channel (UDP only)
    final InetSocketAddress rtpPeer; // UDP only
    final InetSocketAddress rtcpPeer; // UDP only
    final int rtpChannel; // interleaved only
    final int rtcpChannel; // interleaved only
    final RtpSequencer sequencer;
    final int payloadType;
    final long ssrc;
    long lastMicros = -1;
    long lastMicrosAtNanos;

    RtpTrack(
            int id,
            Transport transport,
            Channel connection,
            Channel udp,
            int payloadType,
            int clockRate,
            RandomGenerator random) {
        this.id = id;
        this.transport = transport;
        this.connection = connection;
        this.sequencer = new RtpSequencer(payloadType, clockRate, random);
        this.payloadType = payloadType;
        this.ssrc = sequencer.ssrc();
        if (transport instanceof Transport.Udp u) {
            var ip = ((InetSocketAddress) connection.remoteAddress()).getAddress();
            this.udp = udp;
            this.rtpPeer = new InetSocketAddress(ip, u.clientRtpPort());
            this.rtcpPeer = new InetSocketAddress(ip, u.clientRtcpPort());
            this.rtpChannel = -1;
            this.rtcpChannel = -1;
        } else {
            Transport.Interleaved i = (Transport.Interleaved) transport;
            this.udp = null;
            this.rtpPeer = null;
            this.rtcpPeer = null;
            this.rtpChannel = i.rtpChannel();
            this.rtcpChannel = i.rtcpChannel();
        }
    }

    /** The loop that writes this track's packets. */
    io.netty.channel.EventLoop loop() {
        return rtpPeer == null ? connection.eventLoop() : udp.eventLoop();
    }
}
