package org.openvto.media.call;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.OptionalInt;
import org.openvto.media.rtp.RtpPacket;

/** An indoor monitor as plain UDP sockets: an RTP/RTCP pair for one media, on loopback. */
final class Peer implements AutoCloseable {
    final DatagramSocket rtp;
    final DatagramSocket rtcp;
    InetSocketAddress lastSender;

    Peer() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    Peer(InetAddress address) throws IOException {
        this.rtp = new DatagramSocket(new InetSocketAddress(address, 0));
        this.rtcp = new DatagramSocket(new InetSocketAddress(address, 0));
    }

    InetSocketAddress rtpAddress() {
        return (InetSocketAddress) rtp.getLocalSocketAddress();
    }

    InetSocketAddress rtcpAddress() {
        return (InetSocketAddress) rtcp.getLocalSocketAddress();
    }

    PeerMedia.Audio audio(int payloadType) {
        return new PeerMedia.Audio(rtpAddress(), rtcpAddress(), payloadType, OptionalInt.of(101), 20, true, true);
    }

    PeerMedia.Video video(int mode) {
        return new PeerMedia.Video(rtpAddress(), rtcpAddress(), 96, mode, true);
    }

    /** The next RTP packet, or an assertion error after {@code timeout}. */
    RtpPacket nextRtp(Duration timeout) throws IOException {
        byte[] data = receive(rtp, timeout);
        return switch (RtpPacket.decode(data, 0, data.length)) {
            case RtpPacket.Decoded.Packet(RtpPacket p) -> p;
            case RtpPacket.Decoded.Malformed m -> throw new AssertionError("not RTP: " + m.reason());
        };
    }

    byte[] nextRtcp(Duration timeout) throws IOException {
        return receive(rtcp, timeout);
    }

    private byte[] receive(DatagramSocket socket, Duration timeout) throws IOException {
        DatagramPacket d = new DatagramPacket(new byte[2048], 2048);
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            socket.receive(d);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing received in " + timeout.toMillis() + " ms on " + socket.getLocalPort());
        }
        lastSender = (InetSocketAddress) d.getSocketAddress();
        return java.util.Arrays.copyOf(d.getData(), d.getLength());
    }

    /** Datagrams already waiting (each wait 50 ms at most): what arrived so far. */
    int drain(DatagramSocket socket) throws IOException {
        int n = 0;
        socket.setSoTimeout(50);
        DatagramPacket d = new DatagramPacket(new byte[2048], 2048);
        while (true) {
            try {
                socket.receive(d);
                n++;
            } catch (SocketTimeoutException e) {
                return n;
            }
        }
    }

    void send(DatagramSocket from, InetSocketAddress to, byte[] data) throws IOException {
        from.send(new DatagramPacket(data, data.length, to));
    }

    @Override
    public void close() {
        rtp.close();
        rtcp.close();
    }
}
