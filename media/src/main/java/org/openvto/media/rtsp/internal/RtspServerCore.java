package org.openvto.media.rtsp.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.openvto.media.audio.AudioFrame;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.h264.H264Packetizer;
import org.openvto.media.rtp.ReceiverReport;
import org.openvto.media.rtsp.RtspAuthenticator;
import org.openvto.media.rtsp.RtspServer;
import org.openvto.media.video.AccessUnit;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.StreamKind;
import org.openvto.media.video.StreamSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state shared by all connections of one {@link RtspServer}: ports, the session table, counters. */
public final class RtspServerCore {
    private static final Logger LOG = LoggerFactory.getLogger(RtspServer.class);
    /** Above this many bytes queued for one connection, its viewer drops pictures up to the next key frame. */
    static final int HIGH_WATER = 1 << 20;

    static final int SEND_BUFFER = 256 << 10;
    static final int LOW_WATER = 256 << 10;
    static final int REPORT_SECONDS = 5;

    final RtspServer.Settings settings;
    final Function<StreamKind, EncodedStream> streams;
    final Function<StreamKind, Optional<AudioSource>> audio;
    final RtspAuthenticator authenticator;
    final StreamSlots slots;
    final Clock clock;
    final SecureRandom random = new SecureRandom();
    private final EventLoopGroup group;
    private final Map<String, RtspSession> sessions = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, RtspSession> byRtcpPeer = new ConcurrentHashMap<>();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong refusedBusy = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong receiverReports = new AtomicLong();
    private final AtomicLong malformedRtcp = new AtomicLong();
    private final String cname;
    private Channel server;
    private UdpMedia udp;
    private ScheduledFuture<?> ticker;
    private volatile boolean closed;
    private final Map<StreamKind, PackedCache> packed = new EnumMap<>(StreamKind.class);
    private final Map<StreamKind, AudioCache> packedAudio = new EnumMap<>(StreamKind.class);
    private final Map<EventLoop, Outbox> outboxes = new ConcurrentHashMap<>();

    public RtspServerCore(
            RtspServer.Settings settings,
            Function<StreamKind, EncodedStream> streams,
            Function<StreamKind, Optional<AudioSource>> audio,
            RtspAuthenticator authenticator,
            StreamSlots slots,
            Clock clock) {
        this.settings = settings;
        this.streams = streams;
        this.audio = audio;
        this.authenticator = authenticator;
        this.slots = slots;
        this.clock = clock;
        this.group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("rtsp"), NioIoHandler.newFactory());
        byte[] id = new byte[6];
        random.nextBytes(id);
        this.cname = "openvto-" + HexFormat.of().formatHex(id);
        for (StreamKind kind : StreamKind.values()) {
            packed.put(kind, new PackedCache());
            packedAudio.put(kind, new AudioCache());
        }
    }

    /** The RTP payloads of {@code unit}, cut once for every viewer of its stream. */
    H264Packetizer.Packed packed(StreamKind kind, AccessUnit unit) {
        return packed.get(kind).of(unit);
    }

    /** An audio frame as one RTP payload, made once for every listener of the stream's microphone. */
    H264Packetizer.Packed packedAudio(StreamKind kind, AudioFrame frame) {
        return packedAudio.get(kind).of(frame);
    }

    private static final class AudioCache {
        private static final int[] AT_ZERO = {0};
        private static final int[] ONE_FRAME = {AudioSource.FRAME_BYTES};
        private AudioFrame frame;
        private H264Packetizer.Packed packed;

        synchronized H264Packetizer.Packed of(AudioFrame f) {
            if (f != frame) {
                packed = new H264Packetizer.Packed(f.alaw(), AT_ZERO, ONE_FRAME);
                frame = f;
            }
            return packed;
        }
    }

    Outbox outbox(EventLoop loop) {
        return outboxes.computeIfAbsent(loop, Outbox::new);
    }

    /**
     * The latest access unit of one stream and its payloads: the stream hands the same unit to every viewer in
     * turn, so only the first packetises it. (A new viewer's cache replay packetises the cached units once more.)
     */
    private static final class PackedCache {
        private static final H264Packetizer PACKETIZER = new H264Packetizer(RtspSession.MAX_PAYLOAD);
        private AccessUnit unit;
        private H264Packetizer.Packed packed;

        synchronized H264Packetizer.Packed of(AccessUnit u) {
            if (u != unit) {
                packed = PACKETIZER.pack(u.nals());
                unit = u;
            }
            return packed;
        }
    }

    public void start() throws InterruptedException {
        udp = UdpMedia.bind(group, settings.host(), settings.rtpPort(), this::rtcp);
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // bounds what the kernel holds for a viewer that stopped reading, before our own buffer counts
                .childOption(ChannelOption.SO_SNDBUF, SEND_BUFFER)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(LOW_WATER, HIGH_WATER))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new IdleStateHandler(settings.sessionTimeoutSeconds(), 0, 0))
                                .addLast(new RtspFrameDecoder())
                                .addLast(new RtspConnection(RtspServerCore.this));
                    }
                })
                .bind(settings.host(), settings.port())
                .sync()
                .channel();
        ticker = group.next().scheduleAtFixedRate(this::tick, REPORT_SECONDS, REPORT_SECONDS, TimeUnit.SECONDS);
        LOG.info("RTSP server on {}:{} (RTP/RTCP on UDP {}-{})", settings.host(), port(), rtpPort(), rtpPort() + 1);
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public int rtpPort() {
        return udp.rtpPort();
    }

    UdpMedia udp() {
        return udp;
    }

    String cname() {
        return cname;
    }

    /** A number fixed for this server's lifetime: the SDP's {@code o=} session id. */
    long cnameHash() {
        return cname.hashCode() & 0x7FFFFFFFL;
    }

    String newSessionId() {
        byte[] id = new byte[8];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id).toUpperCase(java.util.Locale.ROOT);
    }

    void registered(RtspSession session) {
        sessions.put(session.id, session);
        for (InetSocketAddress peer : session.rtcpPeers()) {
            byRtcpPeer.put(peer, session);
        }
    }

    Optional<RtspSession> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** Called once per session when it closes: the slot goes back. */
    void sessionClosed(RtspSession session) {
        if (sessions.remove(session.id, session)) {
            for (InetSocketAddress peer : session.rtcpPeers()) {
                byRtcpPeer.remove(peer, session);
            }
            slots.release();
        }
    }

    void dropped(long pictures) {
        dropped.addAndGet(pictures);
    }

    /** An RTCP packet from a viewer, over UDP (by its address) or interleaved (by its session). */
    void rtcp(InetSocketAddress from, byte[] data) {
        RtspSession session = byRtcpPeer.get(from);
        if (session != null) {
            receivedRtcp(session, data);
        }
    }

    void receivedRtcp(RtspSession session, byte[] data) {
        Optional<java.util.List<ReceiverReport>> reports = ReceiverReport.parseCompound(data);
        if (reports.isEmpty()) {
            malformedRtcp.incrementAndGet();
            return;
        }
        session.touch(); // RTCP keeps a UDP session alive (RFC 2326 §12.37)
        receiverReports.addAndGet(reports.get().size());
    }

    /** Every few seconds: sender reports, and UDP sessions nobody refreshed are torn down. */
    private void tick() {
        var now = clock.instant();
        long timeout = TimeUnit.SECONDS.toNanos(settings.sessionTimeoutSeconds());
        for (RtspSession s : sessions.values()) {
            if (s.udp() && s.idleNanos() > timeout) {
                LOG.info("RTSP session {} timed out", s.id);
                s.connection.eventLoop().execute(s::close);
                continue;
            }
            s.sendReport(now);
        }
    }

    public RtspServer.Stats stats() {
        int playing = 0;
        for (RtspSession s : sessions.values()) {
            if (s.state() == RtspSession.State.PLAYING) {
                playing++;
            }
        }
        return new RtspServer.Stats(
                connections.get(),
                sessions.size(),
                playing,
                malformed.get(),
                refusedBusy.get(),
                dropped.get(),
                receiverReports.get(),
                malformedRtcp.get());
    }

    /** Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.cancel(false);
        }
        sessions.values().forEach(RtspSession::close);
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        if (udp != null) {
            udp.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
