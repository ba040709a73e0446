package org.openvto.media.rtsp.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.h264.H264Fmtp;
import org.openvto.media.rtsp.RtspAuthenticator;
import org.openvto.media.rtsp.RtspPaths;
import org.openvto.media.rtsp.RtspRequest;
import org.openvto.media.rtsp.RtspResponse;
import org.openvto.media.rtsp.Transport;
import org.openvto.media.sdp.SessionDescription;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.StreamFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTSP connection: authenticates each request, runs the methods of RFC 2326 §10 and owns the sessions it set
 * up (torn down when the connection closes). Runs on the connection's event loop; authentication completes
 * elsewhere, and reading pauses meanwhile so requests are answered in order.
 */
final class RtspConnection extends SimpleChannelInboundHandler<Inbound> {
    private static final Logger LOG = LoggerFactory.getLogger(RtspConnection.class);
    private static final int MAX_SESSIONS = 4;
    private static final String METHODS =
            "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER";

    private final RtspServerCore core;
    private final List<RtspSession> sessions = new ArrayList<>();
    private ChannelHandlerContext ctx;

    RtspConnection(RtspServerCore core) {
        this.core = core;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (core.connections.incrementAndGet() > core.settings.maxConnections()) {
            LOG.warn(
                    "RTSP connection from {} refused: {} connections open",
                    ctx.channel().remoteAddress(),
                    core.settings.maxConnections());
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        core.connections.decrementAndGet();
        List.copyOf(sessions).forEach(RtspSession::close);
        sessions.clear();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && sessions.isEmpty()) {
            ctx.close(); // a connection that set nothing up and says nothing holds a slot of maxConnections
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("RTSP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Inbound msg) {
        switch (msg) {
            case Inbound.Malformed m -> {
                core.malformed.incrementAndGet();
                LOG.info("malformed RTSP request from {}: {}", ctx.channel().remoteAddress(), m.reason());
                byte[] out = new RtspResponse(400, "Bad Request")
                        .header("Connection", "close")
                        .body("text/plain", (m.reason() + "\r\n").getBytes(StandardCharsets.UTF_8))
                        .encode();
                ctx.writeAndFlush(Unpooled.wrappedBuffer(out)).addListener(ChannelFutureListener.CLOSE);
            }
            case Inbound.Interleaved frame -> {
                for (RtspSession s : sessions) {
                    if (s.ownsRtcpChannel(frame.channel())) {
                        core.receivedRtcp(s, frame.data());
                    }
                }
            }
            case Inbound.Request r -> request(r.request());
        }
    }

    private void request(RtspRequest request) {
        if (!request.version().equals("RTSP/1.0")) {
            send(RtspResponse.to(request, 505, "RTSP Version Not Supported"));
            return;
        }
        if (request.method().equals("OPTIONS")) {
            send(RtspResponse.to(request, 200, "OK").header("Public", METHODS));
            return;
        }
        ctx.channel().config().setAutoRead(false);
        core.authenticator
                .check(request.method(), request.uri(), request.header("Authorization"), (InetSocketAddress)
                        ctx.channel().remoteAddress())
                .whenComplete((decision, failure) -> ctx.executor().execute(() -> {
                    ctx.channel().config().setAutoRead(true);
                    if (!ctx.channel().isActive()) {
                        return;
                    }
                    if (failure != null) {
                        LOG.warn("RTSP authentication failed", failure);
                        send(RtspResponse.to(request, 500, "Internal Server Error"));
                        return;
                    }
                    authorized(request, decision);
                }));
    }

    private void authorized(RtspRequest request, RtspAuthenticator.Decision decision) {
        switch (decision) {
            case RtspAuthenticator.Decision.Challenge c -> {
                RtspResponse r = RtspResponse.to(request, 401, "Unauthorized");
                c.wwwAuthenticate().forEach(v -> r.header("WWW-Authenticate", v));
                send(r);
            }
            case RtspAuthenticator.Decision.Refused f -> send(RtspResponse.to(request, f.status(), f.reason()));
            case RtspAuthenticator.Decision.Allowed a -> dispatch(request);
        }
    }

    private void dispatch(RtspRequest request) {
        switch (request.method()) {
            case "DESCRIBE" -> describe(request);
            case "SETUP" -> setup(request);
            case "PLAY" -> withSession(request, s -> play(request, s));
            case "PAUSE" ->
                withSession(request, s -> {
                    s.pause();
                    send(ok(request, s));
                });
            case "TEARDOWN" ->
                withSession(request, s -> {
                    s.close();
                    sessions.remove(s);
                    send(RtspResponse.to(request, 200, "OK"));
                });
            case "GET_PARAMETER", "SET_PARAMETER" -> keepAlive(request);
            default -> send(RtspResponse.to(request, 501, "Not Implemented").header("Allow", METHODS));
        }
    }

    /** How long DESCRIBE waits for a starting source's SPS and PPS before answering 503. */
    static final java.time.Duration FORMAT_WAIT = java.time.Duration.ofSeconds(5);

    private void describe(RtspRequest request) {
        Optional<RtspPaths.Target> target = RtspPaths.resolve(request.uri());
        if (target.isEmpty() || target.get().track().isPresent()) {
            send(RtspResponse.to(request, 404, "Not Found"));
            return;
        }
        EncodedStream stream = core.streams.apply(target.get().kind());
        // an external encoder or a relayed camera tells its SPS/PPS only once started: wait for them a little
        stream.formatWithin(FORMAT_WAIT, ctx.executor())
                .whenComplete((format, failure) -> ctx.executor().execute(() -> {
                    if (!ctx.channel().isActive()) {
                        return;
                    }
                    if (format == null || format.isEmpty()) {
                        send(RtspResponse.to(request, 503, "Service Unavailable")
                                .header("Retry-After", "2"));
                        return;
                    }
                    boolean audio = core.audio.apply(target.get().kind()).isPresent();
                    byte[] sdp = sdp(format.get(), audio).getBytes(StandardCharsets.UTF_8);
                    send(RtspResponse.to(request, 200, "OK")
                            .header("Content-Base", target.get().presentation() + "/")
                            .body("application/sdp", sdp));
                }));
    }

    private String sdp(StreamFormat f, boolean withAudio) {
        String local =
                ((InetSocketAddress) ctx.channel().localAddress()).getAddress().getHostAddress();
        var fmtp = H264Fmtp.of(f.sps(), f.pps());
        var video = new SessionDescription.Media(
                "video",
                0,
                "RTP/AVP",
                List.of(96),
                List.of(
                        "rtpmap:96 H264/90000",
                        "fmtp:96 " + fmtp.format(),
                        "framerate:" + f.fps(),
                        "x-dimensions:" + f.width() + "," + f.height(),
                        "control:trackID=0"));
        List<SessionDescription.Media> media = withAudio
                ? List.of(
                        video,
                        new SessionDescription.Media(
                                "audio",
                                0,
                                "RTP/AVP",
                                List.of(AudioSource.PAYLOAD_TYPE),
                                List.of(
                                        "rtpmap:" + AudioSource.PAYLOAD_TYPE + " PCMA/" + AudioSource.CLOCK_RATE,
                                        "control:trackID=" + RtspSession.AUDIO)))
                : List.of(video);
        return new SessionDescription(
                        core.cnameHash(),
                        1,
                        local,
                        core.settings.deviceName(),
                        List.of("control:*", "range:npt=0-"),
                        media)
                .format();
    }

    private void setup(RtspRequest request) {
        Optional<RtspPaths.Target> target = RtspPaths.resolve(request.uri());
        int track = target.isEmpty() ? -1 : target.get().track().orElse(RtspSession.VIDEO);
        boolean known = track == RtspSession.VIDEO
                || (track == RtspSession.AUDIO
                        && core.audio.apply(target.get().kind()).isPresent());
        if (!known) {
            send(RtspResponse.to(request, 404, "Not Found"));
            return;
        }
        Optional<Transport> transport = request.header("Transport").flatMap(Transport::choose);
        if (transport.isEmpty()) {
            send(RtspResponse.to(request, 461, "Unsupported Transport"));
            return;
        }
        if (request.header("Session").isPresent()) {
            withSession(request, s -> setupAnother(request, s, target.get(), track, transport.get()));
            return;
        }
        if (sessions.size() >= MAX_SESSIONS) {
            send(RtspResponse.to(request, 453, "Not Enough Bandwidth"));
            return;
        }
        if (!core.slots.tryAcquire()) {
            core.refusedBusy.incrementAndGet();
            LOG.warn(
                    "RTSP SETUP from {} refused: all {} video streams in use",
                    ctx.channel().remoteAddress(),
                    core.slots.limit());
            send(RtspResponse.to(request, 453, "Not Enough Bandwidth"));
            return;
        }
        RtspSession session = new RtspSession(
                core.newSessionId(),
                target.get().kind(),
                target.get().presentation(),
                ctx.channel(),
                core,
                core.random);
        session.addTrack(track, transport.get());
        sessions.add(session);
        core.registered(session);
        send(setupOk(request, session, transport.get()));
    }

    /** The second track of a session (A.2: SETUP in Ready); the same presentation, each track once. */
    private void setupAnother(
            RtspRequest request, RtspSession session, RtspPaths.Target target, int track, Transport transport) {
        if (session.kind != target.kind()
                || session.state() != RtspSession.State.READY
                || !session.addTrack(track, transport)) {
            send(RtspResponse.to(request, 459, "Aggregate Operation Not Allowed"));
            return;
        }
        core.registered(session);
        send(setupOk(request, session, transport));
    }

    private RtspResponse setupOk(RtspRequest request, RtspSession session, Transport transport) {
        return RtspResponse.to(request, 200, "OK")
                .header("Transport", transport.confirm(core.rtpPort(), core.rtpPort() + 1))
                .header("Session", session.id + ";timeout=" + core.settings.sessionTimeoutSeconds());
    }

    private void play(RtspRequest request, RtspSession session) {
        EncodedStream stream = core.streams.apply(session.kind);
        RtspResponse ok = ok(request, session).header("Range", "npt=0.000-").header("RTP-Info", session.rtpInfo());
        // the answer first, then the cached pictures: interleaved clients expect the 200 before any RTP
        ctx.writeAndFlush(Unpooled.wrappedBuffer(ok.encode()));
        session.play(stream, core.audio.apply(session.kind));
    }

    private void keepAlive(RtspRequest request) {
        Optional<String> id = request.header("Session").map(RtspConnection::sessionId);
        if (id.isPresent()) {
            withSession(request, s -> send(ok(request, s)));
        } else {
            send(RtspResponse.to(request, 200, "OK"));
        }
    }

    private void withSession(RtspRequest request, java.util.function.Consumer<RtspSession> action) {
        Optional<RtspSession> session = request.header("Session")
                .map(RtspConnection::sessionId)
                .flatMap(core::session)
                .filter(sessions::contains);
        if (session.isEmpty()) {
            send(RtspResponse.to(request, 454, "Session Not Found"));
            return;
        }
        session.get().touch();
        action.accept(session.get());
    }

    private RtspResponse ok(RtspRequest request, RtspSession session) {
        return RtspResponse.to(request, 200, "OK")
                .header("Session", session.id + ";timeout=" + core.settings.sessionTimeoutSeconds());
    }

    private static String sessionId(String header) {
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).strip();
    }

    private void send(RtspResponse response) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(response.encode()));
    }
}
