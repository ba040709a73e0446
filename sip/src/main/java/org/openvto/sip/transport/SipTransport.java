package org.openvto.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openvto.sip.codec.SipDecodeResult;
import org.openvto.sip.codec.SipMessage;
import org.openvto.sip.codec.SipMessageDecoder;
import org.openvto.sip.codec.SipMessageEncoder;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipStreamDecoder;
import org.openvto.sip.codec.SipVia;
import org.openvto.sip.transaction.TimerScheduler;
import org.openvto.sip.transaction.TransactionContext;
import org.openvto.sip.transaction.TransactionLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP over UDP and TCP on Netty (RFC 3261 §18). Everything SIP — decoding, transactions, the
 * transaction user — runs on one event loop thread, so the layers above need no locks.
 *
 * <p>Inbound requests get {@code received}/{@code rport} (§18.2.1, RFC 3581) on their top Via; responses
 * go back where the request came from (the same TCP connection, or the UDP source when {@code rport} was
 * asked for, else the Via's received/sent-by). Malformed requests are answered {@code 400 <reason>};
 * malformed responses are dropped and counted.
 */
public final class SipTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipTransport.class);
    /** Compiled once: every request from a NAT-ed or rport-asking client is stamped (the REGISTER hot path). */
    private static final java.util.regex.Pattern OLD_RECEIVED = java.util.regex.Pattern.compile(";\\s*received=[^;,]*");
    private static final java.util.regex.Pattern OLD_RPORT = java.util.regex.Pattern.compile(";\\s*rport(=[^;,]*)?");

    private final SipTransportConfig config;
    private final TransactionLayer layer;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SipMessageDecoder datagrams;
    private final Map<InetSocketAddress, Channel> tcpConnections = new ConcurrentHashMap<>();
    private final AtomicLong malformedResponses = new AtomicLong();
    private final AtomicLong malformedRequests = new AtomicLong();
    private Channel udp;
    private Channel tcp;
    private Channel tls;

    public SipTransport(SipTransportConfig config, TransactionLayer layer) {
        this.config = config;
        this.layer = layer;
        this.datagrams = new SipMessageDecoder(config.limits());
    }

    /** Binds UDP and TCP; throws if the address or port is unavailable. */
    public void start() throws InterruptedException {
        udp = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024).option(ChannelOption.SO_SNDBUF, 4 * 1024 * 1024)
                .handler(new UdpHandler()).bind(config.bindAddress(), config.port()).sync().channel();
        int port = ((InetSocketAddress) udp.localAddress()).getPort();
        tcp = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new SipStreamDecoder(config.limits()), new SipMessageEncoder(), new TcpHandler());
                    }
                }).bind(config.bindAddress(), port).sync().channel();
        if (config.tls() != null) {
            io.netty.handler.ssl.SslContext ssl = serverSsl(config.tls());
            tls = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()), new SipStreamDecoder(config.limits()),
                                    new SipMessageEncoder(), new TcpHandler());
                        }
                    }).bind(config.bindAddress(), config.tls().port()).sync().channel();
            LOG.info("SIP listening on udp:{}:{}, tcp:{}:{} and tls:{}:{}", config.bindAddress(), port,
                    config.bindAddress(), port, config.bindAddress(), tlsPort());
        } else {
            LOG.info("SIP listening on udp:{}:{} and tcp:{}:{}", config.bindAddress(), port, config.bindAddress(), port);
        }
    }

    public int port() {
        return ((InetSocketAddress) udp.localAddress()).getPort();
    }

    /** The bound TLS port, or -1 without TLS. */
    public int tlsPort() {
        return tls == null ? -1 : ((InetSocketAddress) tls.localAddress()).getPort();
    }

    private static io.netty.handler.ssl.SslContext serverSsl(SipTransportConfig.Tls t) {
        try (var in = java.nio.file.Files.newInputStream(t.keyStore())) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(in, t.password());
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, t.password());
            return io.netty.handler.ssl.SslContextBuilder.forServer(kmf).protocols("TLSv1.3", "TLSv1.2").build();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("SIP TLS key store " + t.keyStore() + " unusable: " + e.getMessage(), e);
        }
    }

    public String host() {
        return config.bindAddress();
    }

    public long malformedResponses() {
        return malformedResponses.get();
    }

    public long malformedRequests() {
        return malformedRequests.get();
    }

    /** The scheduler all transaction timers use: the SIP event loop. */
    public TimerScheduler scheduler() {
        return (delay, task) -> {
            var f = group.next().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }

    /** Runs {@code task} on the SIP thread. */
    public void execute(Runnable task) {
        group.next().execute(task);
    }

    /** A path for sending requests to {@code target} over {@code transport} ("UDP" or "TCP"). */
    public TransactionContext pathTo(InetSocketAddress target, String transport) {
        return "TCP".equalsIgnoreCase(transport) ? tcpPath(target) : udpPath(target);
    }

    private TransactionContext udpPath(InetSocketAddress target) {
        return new Path(false) {
            @Override
            public boolean send(SipMessage message) {
                ByteBuf buf = udp.alloc().buffer();
                SipMessageEncoder.write(message, buf);
                udp.writeAndFlush(new DatagramPacket(buf, target));
                return true;
            }
        };
    }

    private TransactionContext tcpPath(InetSocketAddress target) {
        return new Path(true) {
            @Override
            public boolean send(SipMessage message) {
                Channel ch = tcpConnections.get(target);
                if (ch == null || !ch.isActive()) {
                    try {
                        ch = new Bootstrap().group(group).channel(NioSocketChannel.class)
                                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
                                .handler(new ChannelInitializer<SocketChannel>() {
                                    @Override
                                    protected void initChannel(SocketChannel c) {
                                        c.pipeline().addLast(new SipStreamDecoder(config.limits()), new SipMessageEncoder(),
                                                new TcpHandler());
                                    }
                                }).connect(target).syncUninterruptibly().channel();
                        tcpConnections.put(target, ch);
                    } catch (RuntimeException e) {
                        return false;
                    }
                }
                ch.writeAndFlush(message);
                return true;
            }
        };
    }

    private abstract class Path implements TransactionContext {
        private final boolean reliable;

        Path(boolean reliable) {
            this.reliable = reliable;
        }

        @Override
        public boolean reliable() {
            return reliable;
        }

        @Override
        public org.openvto.sip.transaction.TransactionTimers timers() {
            return layer.timers();
        }

        @Override
        public TimerScheduler scheduler() {
            return SipTransport.this.scheduler();
        }
    }

    /** §18.2.1 + RFC 3581: note where the request really came from. */
    static void stampVia(SipRequest request, InetSocketAddress source) {
        SipVia via = request.topVia();
        if (via == null) {
            return;
        }
        String ip = source.getAddress().getHostAddress();
        boolean rport = via.hasRport();
        if (!ip.equals(via.host()) || rport) {
            String top = request.headers().getAllSplit("Via").get(0);
            String stamped = OLD_RPORT.matcher(OLD_RECEIVED.matcher(top).replaceAll("")).replaceAll("")
                    + ";received=" + ip + (rport ? ";rport=" + source.getPort() : "");
            request.headers().replaceTopVia(stamped);
        }
    }

    /** Where a response goes over UDP (§18.2.2, RFC 3581 §4). */
    static InetSocketAddress responseTarget(SipResponse response, InetSocketAddress source) {
        SipVia via = response.topVia();
        return via == null || via.rport() > 0 ? source : new InetSocketAddress(via.responseHost(), via.responsePort());
    }

    private void dispatch(SipDecodeResult result, InetSocketAddress source, TransactionContext replyPath) {
        switch (result) {
            case SipDecodeResult.Decoded(SipRequest request) -> {
                stampVia(request, source);
                layer.receive(request, replyPath);
            }
            case SipDecodeResult.Decoded(SipResponse response) -> layer.receive(response);
            case SipDecodeResult.Decoded d -> { }
            case SipDecodeResult.Malformed(String reason, boolean request, SipMessage partial) -> {
                if (request && partial instanceof SipRequest r && r.topVia() != null && !"ACK".equals(r.method())) {
                    malformedRequests.incrementAndGet();
                    stampVia(r, source);
                    replyPath.send(SipResponse.createFor(r, 400, reason)); // §21.4.1, reason says why
                } else if (!request) {
                    malformedResponses.incrementAndGet();
                } else {
                    malformedRequests.incrementAndGet();
                }
            }
        }
    }

    private final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            if (SipMessageDecoder.isKeepAlive(packet.content())) {
                return;
            }
            InetSocketAddress source = packet.sender();
            TransactionContext reply = new Path(false) {
                @Override
                public boolean send(SipMessage message) {
                    InetSocketAddress to = message instanceof SipResponse r ? responseTarget(r, source) : source;
                    ByteBuf buf = ctx.alloc().buffer();
                    SipMessageEncoder.write(message, buf);
                    ctx.writeAndFlush(new DatagramPacket(buf, to));
                    return true;
                }
            };
            try {
                dispatch(datagrams.decodeDatagram(packet.content()), source, reply);
            } catch (RuntimeException e) {
                LOG.warn("SIP message from {} failed in processing", source, e);
            }
        }
    }

    private final class TcpHandler extends SimpleChannelInboundHandler<SipDecodeResult> {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            tcpConnections.put((InetSocketAddress) ctx.channel().remoteAddress(), ctx.channel());
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            tcpConnections.remove((InetSocketAddress) ctx.channel().remoteAddress(), ctx.channel());
            ctx.fireChannelInactive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, SipDecodeResult result) {
            Channel ch = ctx.channel();
            TransactionContext reply = new Path(true) {
                @Override
                public boolean send(SipMessage message) {
                    if (!ch.isActive()) {
                        return false;
                    }
                    ch.writeAndFlush(message);
                    return true;
                }
            };
            try {
                dispatch(result, (InetSocketAddress) ch.remoteAddress(), reply);
            } catch (RuntimeException e) {
                LOG.warn("SIP message from {} failed in processing", ch.remoteAddress(), e);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public void close() {
        if (udp != null) {
            udp.close().syncUninterruptibly();
        }
        if (tcp != null) {
            tcp.close().syncUninterruptibly();
        }
        if (tls != null) {
            tls.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

}
