package org.openvto.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
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
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.openvto.sip.codec.SipDecodeResult;
import org.openvto.sip.codec.SipMessage;
import org.openvto.sip.codec.SipMessageDecoder;
import org.openvto.sip.codec.SipMessageEncoder;
import org.openvto.sip.codec.SipMethod;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipStreamDecoder;
import org.openvto.sip.codec.SipVia;
import org.openvto.sip.transaction.TimerScheduler;
import org.openvto.sip.transaction.TransactionContext;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP over UDP, TCP and TLS on Netty (RFC 3261 §18). Everything SIP — decoding, transactions, the
 * transaction user — runs on one event loop thread, so the layers above need no locks.
 *
 * <p>Inbound requests get {@code received}/{@code rport} (§18.2.1, RFC 3581) on their top Via; responses
 * go back where the request came from (the same TCP/TLS connection, or the UDP source when {@code rport} was
 * asked for, else the Via's received/sent-by). Malformed requests are answered {@code 400 <reason>}
 * ({@code 513} when a stream message exceeds the {@link org.openvto.sip.codec.SipLimits}, after which the
 * connection is closed); malformed responses are dropped and counted. No exception escapes: a message that
 * fails in processing is logged as one rate-limited line and counted.
 *
 * <p>Sending requests ({@link #pathTo}): over a stream transport the connection a device registered on is
 * reused while open (its <em>flow</em>, RFC 5626 §5.3), else an open connection to the target, else a new
 * one; messages sent while it connects are written when it is up (Netty connects asynchronously, so
 * nothing on the SIP thread waits). A connection that fails is reported to the transaction asynchronously
 * ({@link TransactionContext#onTransportError}). Outbound TLS does not verify the device's certificate:
 * indoor monitors present self-signed certificates and there is no building CA (Kamailio's default too);
 * the confidentiality of the call signalling is what TLS is used for here.
 *
 * <p>Stream connections are limited ({@link SipTransportConfig.Connections}): per source address and in
 * total (more are closed at once and counted), and idle connections are closed unless a live registration
 * uses them ({@link #setFlowInUse}). CRLFCRLF keep-alive pings get a CRLF pong (RFC 5626 §4.4.1); STUN
 * Binding requests on the UDP port are answered (RFC 5626 §8.4) and not counted as malformed SIP.
 */
public final class SipTransport implements SipPaths, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipTransport.class);
    /** Compiled once: every request from a NAT-ed or rport-asking client is stamped (the REGISTER hot path). */
    private static final Pattern OLD_RECEIVED = Pattern.compile(";\\s*received=[^;,]*");

    private static final Pattern OLD_RPORT = Pattern.compile(";\\s*rport(=[^;,]*)?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final ByteBuf PONG = Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer("\r\n".getBytes(StandardCharsets.US_ASCII)).asReadOnly());

    private final SipTransportConfig config;
    private final TransactionLayer layer;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SipMessageDecoder datagrams;
    private final RateLimitedLog badInput = new RateLimitedLog(LOG, Duration.ofSeconds(10));
    private final RateLimitedLog refusedLog = new RateLimitedLog(LOG, Duration.ofSeconds(10));
    /** Open stream connections by remote address, per transport; written on the SIP thread, read anywhere. */
    private final Map<SipTransportKind, Map<InetSocketAddress, Channel>> connections =
            new EnumMap<>(SipTransportKind.class);
    /** Outbound connections being set up, so that several messages to one target share one connect. */
    private final Map<InetSocketAddress, ChannelFuture> connecting = new HashMap<>();
    /** Open stream connections per source IP (SIP thread only). */
    private final Map<InetAddress, Integer> perSource = new HashMap<>();

    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicLong refusedConnections = new AtomicLong();
    private final AtomicLong malformedResponses = new AtomicLong();
    private final AtomicLong malformedRequests = new AtomicLong();
    private final AtomicLong processingFailures = new AtomicLong();
    private final AtomicLong stunRequests = new AtomicLong();
    private volatile Predicate<InetSocketAddress> flowInUse = address -> false;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private SslContext clientSsl;
    private Channel udp;
    private Channel tcp;
    private Channel tls;

    public SipTransport(SipTransportConfig config, TransactionLayer layer) {
        this.config = config;
        this.layer = layer;
        this.datagrams = new SipMessageDecoder(config.limits());
        connections.put(SipTransportKind.TCP, new ConcurrentHashMap<>());
        connections.put(SipTransportKind.TLS, new ConcurrentHashMap<>());
    }

    /** Binds UDP, TCP and (when configured) TLS; throws if an address or port is unavailable. */
    public void start() throws InterruptedException {
        udp = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                .option(ChannelOption.SO_SNDBUF, 4 * 1024 * 1024)
                .handler(new UdpHandler())
                .bind(config.bindAddress(), config.port())
                .sync()
                .channel();
        int port = port();
        tcp = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(streamInitializer(SipTransportKind.TCP, null))
                .bind(config.bindAddress(), port)
                .sync()
                .channel();
        if (config.tls() != null) {
            SslContext serverSsl = serverSsl(config.tls());
            clientSsl = clientSsl();
            tls = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(streamInitializer(SipTransportKind.TLS, serverSsl))
                    .bind(config.bindAddress(), config.tls().port())
                    .sync()
                    .channel();
            LOG.info(
                    "SIP listening on udp:{}:{}, tcp:{}:{} and tls:{}:{}",
                    config.bindAddress(),
                    port,
                    config.bindAddress(),
                    port,
                    config.bindAddress(),
                    tlsPort());
        } else {
            LOG.info(
                    "SIP listening on udp:{}:{} and tcp:{}:{}", config.bindAddress(), port, config.bindAddress(), port);
        }
    }

    private ChannelInitializer<SocketChannel> streamInitializer(SipTransportKind kind, SslContext ssl) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (ssl != null) {
                    ch.pipeline().addLast(ssl.newHandler(ch.alloc())); // server or client side, by the context
                }
                long idle = config.connections().idleTimeout().toMillis();
                ch.pipeline()
                        .addLast(
                                new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS),
                                new SipStreamDecoder(config.limits()),
                                new SipMessageEncoder(),
                                new StreamHandler(kind));
            }
        };
    }

    @Override
    public int port() {
        return ((InetSocketAddress) udp.localAddress()).getPort();
    }

    /** The bound TLS port, or -1 without TLS. */
    @Override
    public int tlsPort() {
        return tls == null ? -1 : ((InetSocketAddress) tls.localAddress()).getPort();
    }

    private static SslContext serverSsl(SipTransportConfig.Tls t) {
        try (var in = java.nio.file.Files.newInputStream(t.keyStore())) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(in, t.password());
            javax.net.ssl.KeyManagerFactory kmf =
                    javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, t.password());
            return SslContextBuilder.forServer(kmf)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("SIP TLS key store " + t.keyStore() + " unusable: " + e.getMessage(), e);
        }
    }

    private static SslContext clientSsl() {
        try {
            // see the class comment: devices' certificates are self-signed, there is nothing to verify them against
            return SslContextBuilder.forClient()
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (javax.net.ssl.SSLException e) {
            throw new IllegalStateException("SIP TLS client context: " + e.getMessage(), e);
        }
    }

    /** The bind address as given (an IP literal). */
    @Override
    public String host() {
        return config.bindAddress();
    }

    /** The bind address as it is written in a URI or Via sent-by: IPv6 in brackets (RFC 3261 §25.1). */
    @Override
    public String uriHost() {
        String h = config.bindAddress();
        return h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    /**
     * Tells the transport which stream connections carry a live registration (by remote address): those stay
     * open when idle, because the device is reached through them. Called on the SIP thread.
     */
    public void setFlowInUse(Predicate<InetSocketAddress> flowInUse) {
        this.flowInUse = flowInUse;
    }

    public long malformedResponses() {
        return malformedResponses.get();
    }

    public long malformedRequests() {
        return malformedRequests.get();
    }

    /** Messages whose processing threw (a bug or an input no parser rejected): logged rate-limited and dropped. */
    public long processingFailures() {
        return processingFailures.get();
    }

    /** STUN messages received on the UDP port. */
    public long stunRequests() {
        return stunRequests.get();
    }

    /** Open TCP and TLS connections, inbound and outbound. */
    public int openConnections() {
        return openConnections.get();
    }

    /** Stream connections closed at once because of the per-source or total limit. */
    public long refusedConnections() {
        return refusedConnections.get();
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

    /**
     * An IP-literal socket address for {@code host} (IPv4, or IPv6 with or without brackets), or {@code null} when
     * {@code host} is a name: resolving names would block the SIP thread, and the building's devices register
     * with addresses. Never throws.
     */
    public static InetSocketAddress literalAddress(String host, int port) {
        if (host == null || port < 0 || port > 65535) {
            return null;
        }
        String h = unbracketed(host);
        if (!IPV4.matcher(h).matches() && !IPV6.matcher(h).matches()) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(h), port); // a literal: no name lookup
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** {@code ip:port}, IPv6 in brackets: how bindings record where a device registered from. */
    public static String format(InetSocketAddress address) {
        String ip = viaAddress(address.getAddress());
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + address.getPort();
    }

    /** The address {@link #format} wrote, or {@code null} if {@code text} is not {@code ip:port}. */
    public static InetSocketAddress parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            return literalAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A path for sending requests to {@code target} over {@code transport} ("UDP", "TCP" or "TLS"). */
    public TransactionContext pathTo(InetSocketAddress target, String transport) {
        SipTransportKind kind = SipTransportKind.of(transport, false);
        return pathTo(target, kind == null ? SipTransportKind.UDP : kind, null);
    }

    /**
     * A path for sending requests to {@code target} over {@code kind}; for streams the connection from {@code flow}
     * (where the device's REGISTER came from) is preferred while it is open. A TLS path without TLS configured,
     * or an unresolved target, fails on the first send.
     */
    @Override
    public TransactionContext pathTo(InetSocketAddress target, SipTransportKind kind, InetSocketAddress flow) {
        if (kind == SipTransportKind.UDP) {
            return new Path(false) {
                @Override
                public boolean send(SipMessage message) {
                    if (target.isUnresolved()) {
                        return false;
                    }
                    ByteBuf buf = udp.alloc().buffer();
                    SipMessageEncoder.write(message, buf);
                    udp.writeAndFlush(new DatagramPacket(buf, target));
                    return true;
                }
            };
        }
        return new Path(true) {
            @Override
            public boolean send(SipMessage message) {
                return sendStream(kind, target, flow, message, this);
            }
        };
    }

    private boolean sendStream(
            SipTransportKind kind, InetSocketAddress target, InetSocketAddress flow, SipMessage message, Path path) {
        if (target.isUnresolved() || (kind == SipTransportKind.TLS && clientSsl == null)) {
            return false;
        }
        Map<InetSocketAddress, Channel> open = connections.get(kind);
        Channel ch = flow == null ? null : open.get(flow);
        if (ch == null || !ch.isActive()) {
            ch = open.get(target);
        }
        if (ch != null && ch.isActive()) {
            write(ch, message, path);
            return true;
        }
        ChannelFuture pending = connecting.get(target);
        if (pending == null) {
            if (openConnections.get() >= config.connections().maxTotal()) {
                refusedConnections.incrementAndGet();
                refusedLog.warn(
                        "SIP connection to {} not opened: {} connections open (limit)", target, openConnections.get());
                return false;
            }
            pending = connect(kind, target);
        }
        pending.addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                write(f.channel(), message, path);
            } else {
                path.fail("cannot connect to " + kind + " " + target + ": " + f.cause());
            }
        });
        return true;
    }

    private ChannelFuture connect(SipTransportKind kind, InetSocketAddress target) {
        ChannelFuture f = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
                .handler(streamInitializer(kind, kind == SipTransportKind.TLS ? clientSsl : null))
                .connect(target);
        connecting.put(target, f);
        f.addListener(done -> connecting.remove(target, f));
        return f;
    }

    private static void write(Channel ch, SipMessage message, Path path) {
        ch.writeAndFlush(message).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                path.fail("cannot write to " + ch.remoteAddress() + ": " + f.cause());
            }
        });
    }

    private abstract class Path implements TransactionContext {
        private final boolean reliable;
        private Consumer<String> onError = reason -> {};

        Path(boolean reliable) {
            this.reliable = reliable;
        }

        @Override
        public boolean reliable() {
            return reliable;
        }

        @Override
        public TransactionTimers timers() {
            return layer.timers();
        }

        @Override
        public TimerScheduler scheduler() {
            return SipTransport.this.scheduler();
        }

        @Override
        public void onTransportError(Consumer<String> listener) {
            this.onError = listener;
        }

        /** Reports a failure later on the SIP thread, never from inside the caller's send (no re-entry). */
        void fail(String reason) {
            LOG.debug("SIP transport error: {}", reason);
            group.next().execute(() -> onError.accept(reason));
        }
    }

    /**
     * §18.2.1 + RFC 3581: notes where the request really came from. Returns false when the top Via cannot be
     * rewritten (a value no header may hold), so the request must be refused.
     */
    static boolean stampVia(SipRequest request, InetSocketAddress source) {
        SipVia via = request.topVia();
        if (via == null) {
            return true;
        }
        String ip = viaAddress(source.getAddress());
        boolean rport = via.hasRport();
        if (!ip.equals(unbracketed(via.host())) || rport) {
            String top = request.headers().getAllSplit("Via").get(0);
            String stamped =
                    OLD_RPORT.matcher(OLD_RECEIVED.matcher(top).replaceAll("")).replaceAll("") + ";received=" + ip
                            + (rport ? ";rport=" + source.getPort() : "");
            try {
                request.headers().replaceTopVia(stamped);
            } catch (IllegalArgumentException badValue) {
                return false;
            }
        }
        return true;
    }

    /** An address as the {@code received} parameter writes it: IPv6 without brackets or zone (RFC 3261 §25). */
    static String viaAddress(InetAddress address) {
        String ip = address.getHostAddress();
        int zone = ip.indexOf('%');
        return zone < 0 ? ip : ip.substring(0, zone);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Where a response goes over UDP (§18.2.2, RFC 3581 §4); {@code null} when the Via names no literal address. */
    static InetSocketAddress responseTarget(SipResponse response, InetSocketAddress source) {
        SipVia via = response.topVia();
        return via == null || via.rport() > 0 ? source : literalAddress(via.responseHost(), via.responsePort());
    }

    private void dispatch(SipDecodeResult result, InetSocketAddress source, TransactionContext replyPath) {
        switch (result) {
            case SipDecodeResult.Decoded(SipRequest request) -> {
                if (stampVia(request, source)) {
                    layer.receive(request, replyPath);
                } else {
                    malformedRequests.incrementAndGet();
                    badInput.warn("SIP request from {} refused: malformed Via header", source);
                    replyPath.send(SipResponse.createFor(request, 400, "malformed Via header"));
                }
            }
            case SipDecodeResult.Decoded(SipResponse response) -> layer.receive(response);
            case SipDecodeResult.Decoded d -> {}
            case SipDecodeResult.KeepAlive k -> {}
            case SipDecodeResult.Malformed m -> malformed(m, source, replyPath);
        }
    }

    private void malformed(SipDecodeResult.Malformed m, InetSocketAddress source, TransactionContext replyPath) {
        if (!m.request()) {
            malformedResponses.incrementAndGet();
            badInput.warn("SIP response from {} dropped: {}", source, m.reason());
            return;
        }
        malformedRequests.incrementAndGet();
        badInput.warn("SIP request from {} refused: {}", source, m.reason());
        // a request with any Via is answered, even when that Via is the malformed part: the answer then goes to
        // the packet's source (no usable Via to follow), so a broken client learns why instead of retransmitting
        if (m.partialOrNull() instanceof SipRequest r
                && r.headers().get("Via") != null
                && !SipMethod.ACK.equals(r.method())
                && (r.topVia() == null || stampVia(r, source))) {
            int code = m.tooLarge() ? 513 : 400; // §21.4.1 says why; §21.5.14 Message Too Large
            replyPath.send(SipResponse.createFor(r, code, m.reason()));
        }
    }

    private void process(SipDecodeResult result, InetSocketAddress source, TransactionContext reply) {
        try {
            dispatch(result, source, reply);
        } catch (RuntimeException e) {
            processingFailures.incrementAndGet();
            badInput.warn("SIP message failed in processing", source, e);
        }
    }

    private final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            if (SipMessageDecoder.isKeepAlive(content)) {
                return;
            }
            InetSocketAddress source = packet.sender();
            if (StunResponder.isStun(content)) {
                stunRequests.incrementAndGet();
                ByteBuf answer = StunResponder.answer(content, source, ctx.alloc());
                if (answer != null) {
                    ctx.writeAndFlush(new DatagramPacket(answer, source));
                }
                return;
            }
            TransactionContext reply = new Path(false) {
                @Override
                public InetSocketAddress peer() {
                    return source;
                }

                @Override
                public boolean send(SipMessage message) {
                    InetSocketAddress to = target(message);
                    if (to == null) {
                        return false;
                    }
                    ctx.writeAndFlush(new DatagramPacket(encode(message), to));
                    return true;
                }

                @Override
                public Resendable retain(SipMessage message) {
                    InetSocketAddress to = target(message);
                    if (to == null) {
                        return () -> false;
                    }
                    ByteBuf buf = encode(message);
                    byte[] wire = ByteBufUtil.getBytes(buf); // ~400 bytes instead of a parsed message for 32 s
                    buf.release();
                    return () -> {
                        ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(wire), to));
                        return true;
                    };
                }

                /** Responses go where §18.2.2 / RFC 3581 say; requests back to the datagram's source. */
                private InetSocketAddress target(SipMessage message) {
                    return message instanceof SipResponse r ? responseTarget(r, source) : source;
                }

                private ByteBuf encode(SipMessage message) {
                    ByteBuf buf = ctx.alloc().buffer();
                    SipMessageEncoder.write(message, buf);
                    return buf;
                }
            };
            SipDecodeResult decoded;
            try {
                decoded = datagrams.decodeDatagram(content);
            } catch (RuntimeException e) {
                processingFailures.incrementAndGet();
                badInput.warn("SIP datagram failed in decoding", source, e);
                return;
            }
            process(decoded, source, reply);
        }
    }

    /** One TCP or TLS connection, inbound or outbound. */
    private final class StreamHandler extends SimpleChannelInboundHandler<SipDecodeResult> {
        private final SipTransportKind kind;
        private boolean counted;

        StreamHandler(SipTransportKind kind) {
            this.kind = kind;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
            int fromSource = perSource.merge(remote.getAddress(), 1, Integer::sum);
            int total = openConnections.incrementAndGet();
            counted = true;
            if (fromSource > config.connections().maxPerSource()
                    || total > config.connections().maxTotal()) {
                refusedConnections.incrementAndGet();
                refusedLog.warn(
                        "SIP {} connection from {} closed: {} from that address, {} in total (limits {}/{})",
                        kind,
                        remote,
                        fromSource,
                        total,
                        config.connections().maxPerSource(),
                        config.connections().maxTotal());
                ctx.close();
                return;
            }
            connections.get(kind).put(remote, ctx.channel());
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
            if (counted) {
                counted = false;
                openConnections.decrementAndGet();
                perSource.computeIfPresent(remote.getAddress(), (a, n) -> n <= 1 ? null : n - 1);
            }
            connections.get(kind).remove(remote, ctx.channel());
            ctx.fireChannelInactive();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
                if (!flowInUse.test(remote)) {
                    LOG.debug(
                            "SIP {} connection from {} idle for {}: closed",
                            kind,
                            remote,
                            config.connections().idleTimeout());
                    ctx.close();
                }
                return;
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, SipDecodeResult result) {
            Channel ch = ctx.channel();
            if (result instanceof SipDecodeResult.KeepAlive) {
                ch.writeAndFlush(PONG.duplicate()); // RFC 5626 §4.4.1: CRLFCRLF ping → CRLF pong
                return;
            }
            TransactionContext reply = new Path(true) {
                @Override
                public InetSocketAddress peer() {
                    return (InetSocketAddress) ch.remoteAddress();
                }

                @Override
                public boolean send(SipMessage message) {
                    if (!ch.isActive()) {
                        return false;
                    }
                    ch.writeAndFlush(message);
                    return true;
                }
            };
            process(result, (InetSocketAddress) ch.remoteAddress(), reply);
            SipStreamDecoder decoder = ch.pipeline().get(SipStreamDecoder.class);
            if (decoder != null && decoder.isFramingLost()) {
                ch.flush();
                ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE); // after the answer
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            badInput.warn("SIP " + kind + " connection failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // idempotent, as SipStack promises: a second close found the event loop terminated and threw
        }
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
