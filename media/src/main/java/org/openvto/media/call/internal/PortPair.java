package org.openvto.media.call.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;

/**
 * One media's RTP/RTCP sockets (RFC 3550 §11: RTP on an even port, RTCP on the next one), both on the call's event
 * loop. Binding blocks the calling thread for the binds: never call it on an event loop.
 */
final class PortPair {
    final Channel rtp;
    final Channel rtcp;

    private PortPair(Channel rtp, Channel rtcp) {
        this.rtp = rtp;
        this.rtcp = rtcp;
    }

    /**
     * The first even port from {@code first} to {@code last} (inclusive, RTCP's odd port included) that is free for
     * RTP and RTCP both, skipping {@code skip}; ports taken by another socket are passed over.
     *
     * @throws BindException when no pair of the range is free
     */
    static PortPair bind(
            EventLoop loop,
            InetAddress address,
            int first,
            int last,
            Set<Integer> skip,
            ChannelHandler rtpHandler,
            ChannelHandler rtcpHandler)
            throws BindException {
        Bootstrap b = new Bootstrap().group(loop).channel(NioDatagramChannel.class);
        for (int port = first + (first & 1); port + 1 <= last; port += 2) {
            if (skip.contains(port)) {
                continue;
            }
            Channel rtp = bindOne(b, rtpHandler, address, port);
            if (rtp == null) {
                continue;
            }
            Channel rtcp = bindOne(b, rtcpHandler, address, port + 1);
            if (rtcp != null) {
                return new PortPair(rtp, rtcp);
            }
            rtp.close().syncUninterruptibly(); // the odd neighbour is taken: try the next pair
        }
        throw new BindException(
                "no free RTP/RTCP port pair from " + first + " to " + last + " on " + address.getHostAddress());
    }

    private static Channel bindOne(Bootstrap b, ChannelHandler handler, InetAddress address, int port) {
        ChannelFuture f = b.clone()
                .handler(handler)
                .bind(new InetSocketAddress(address, port))
                .awaitUninterruptibly();
        return f.isSuccess() ? f.channel() : null;
    }

    int rtpPort() {
        return ((InetSocketAddress) rtp.localAddress()).getPort();
    }

    /** Closes both sockets; waits for it unless called on their loop (which must not wait). */
    void close() {
        ChannelFuture a = rtp.close();
        ChannelFuture b = rtcp.close();
        if (!rtp.eventLoop().inEventLoop()) {
            a.syncUninterruptibly();
            b.syncUninterruptibly();
        }
    }
}
