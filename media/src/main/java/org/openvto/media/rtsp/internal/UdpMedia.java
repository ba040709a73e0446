package org.openvto.media.rtsp.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.function.BiConsumer;

/**
 * The server's RTP/RTCP port pair (RFC 3550 §11: RTP on an even port, RTCP on the next), shared by every UDP
 * session, as real cameras do. Inbound RTCP goes to {@code onRtcp} with its sender; inbound RTP (clients send a
 * few packets to open NAT bindings) is ignored. Sends never block: datagrams are queued on the channel's loop.
 */
final class UdpMedia implements AutoCloseable {
    private final Channel rtp;
    private final Channel rtcp;

    private UdpMedia(Channel rtp, Channel rtcp) {
        this.rtp = rtp;
        this.rtcp = rtcp;
    }

    /** Binds {@code port} and {@code port + 1}; with {@code port == 0} the first free even pair found. */
    static UdpMedia bind(EventLoopGroup group, String host, int port, BiConsumer<InetSocketAddress, byte[]> onRtcp)
            throws InterruptedException {
        Bootstrap b = new Bootstrap().group(group).channel(NioDatagramChannel.class);
        if (port != 0) {
            return pair(b, host, port, onRtcp);
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            Channel probe = b.clone().handler(new Ignore()).bind(host, 0).sync().channel();
            int p = ((InetSocketAddress) probe.localAddress()).getPort();
            if (p % 2 == 0 && p < 65_535) {
                try {
                    Channel second = b.clone()
                            .handler(new Rtcp(onRtcp))
                            .bind(host, p + 1)
                            .sync()
                            .channel();
                    return new UdpMedia(probe, second);
                } catch (Exception taken) {
                    // the odd neighbour is in use: try another pair
                }
            }
            probe.close().sync();
        }
        throw new IllegalStateException("no free even/odd UDP port pair for RTP/RTCP on " + host);
    }

    private static UdpMedia pair(Bootstrap b, String host, int port, BiConsumer<InetSocketAddress, byte[]> onRtcp)
            throws InterruptedException {
        Channel first = b.clone().handler(new Ignore()).bind(host, port).sync().channel();
        try {
            return new UdpMedia(
                    first,
                    b.clone()
                            .handler(new Rtcp(onRtcp))
                            .bind(host, port + 1)
                            .sync()
                            .channel());
        } catch (RuntimeException | InterruptedException e) {
            first.close();
            throw e;
        }
    }

    int rtpPort() {
        return ((InetSocketAddress) rtp.localAddress()).getPort();
    }

    /** The RTP channel every UDP session's packets leave from (written on its event loop, see {@link Outbox}). */
    Channel rtpChannel() {
        return rtp;
    }

    void sendRtcp(byte[] packet, InetSocketAddress to) {
        rtcp.writeAndFlush(new DatagramPacket(rtcp.alloc().buffer(packet.length).writeBytes(packet), to));
    }

    @Override
    public void close() {
        rtp.close().syncUninterruptibly();
        rtcp.close().syncUninterruptibly();
    }

    private static final class Ignore extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {}
    }

    private static final class Rtcp extends SimpleChannelInboundHandler<DatagramPacket> {
        private final BiConsumer<InetSocketAddress, byte[]> onRtcp;

        Rtcp(BiConsumer<InetSocketAddress, byte[]> onRtcp) {
            this.onRtcp = onRtcp;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
            ByteBuf content = msg.content();
            onRtcp.accept(msg.sender(), ByteBufUtil.getBytes(content));
        }
    }
}
