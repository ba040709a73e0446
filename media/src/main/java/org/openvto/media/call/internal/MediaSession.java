package org.openvto.media.call.internal;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openvto.media.audio.AudioFrame;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.audio.internal.ALaw;
import org.openvto.media.audio.internal.MuLaw;
import org.openvto.media.call.AudioSink;
import org.openvto.media.call.CallMedia;
import org.openvto.media.call.CallStats;
import org.openvto.media.call.DtmfListener;
import org.openvto.media.call.PeerMedia;
import org.openvto.media.call.VideoState;
import org.openvto.media.h264.H264Packetizer;
import org.openvto.media.rtp.ReceiverReport;
import org.openvto.media.rtp.RtpPacket;
import org.openvto.media.video.AccessUnit;
import org.openvto.media.video.EncodedStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallMedia}'s implementation (its class comment is the contract). One lock ({@code this}) guards every
 * field below; it is never held while calling a source (subscribe, close), a listener, or waiting for a socket.
 */
public final class MediaSession {
    private static final Logger LOG = LoggerFactory.getLogger(CallMedia.class);
    private static final long TICK_MICROS = AudioSource.FRAME_MICROS;

    private final CallMedia.Config config;
    private final CallMedia.Sources sources;
    private final CallMedia.Runtime runtime;
    private final DtmfListener dtmf;
    private final AudioSink speaker;
    private final VideoPacking packing;
    private PortPair audioPorts;
    private PortPair videoPorts;
    private int audioPort; // kept: a closed channel no longer knows its port
    private int videoPort;
    private final Map<String, Party> parties = new LinkedHashMap<>();
    private String answered;
    private JitterBuffer jitter;
    private int jitterPacketSamples;
    private AudioSource.Subscription microphone;
    private ScheduledFuture<?> playout;
    private ScheduledFuture<?> reports;
    private boolean closed;
    private long foreign;
    private long malformedRtp;
    private long malformedRtcp;
    private long unexpectedPayload;
    private long digits;
    private long jitterPlayed; // of earlier jitter buffers (a new answering party starts a new one)
    private long jitterLost;
    private long jitterLate;
    private long jitterDuplicates;

    private MediaSession(
            CallMedia.Config config,
            CallMedia.Sources sources,
            CallMedia.Runtime runtime,
            DtmfListener dtmf,
            AudioSink speaker) {
        this.config = config;
        this.sources = sources;
        this.runtime = runtime;
        this.dtmf = dtmf;
        this.speaker = speaker;
        this.packing = new VideoPacking(config.maxVideoPayload());
    }

    public static MediaSession open(
            CallMedia.Config config,
            CallMedia.Sources sources,
            CallMedia.Runtime runtime,
            DtmfListener dtmf,
            AudioSink speaker)
            throws BindException {
        MediaSession s = new MediaSession(config, sources, runtime, dtmf, speaker);
        EventLoop loop = runtime.loops().next();
        InetAddress at = config.localAddress();
        s.audioPorts = PortPair.bind(
                loop,
                at,
                config.firstPort(),
                config.lastPort(),
                Set.of(),
                s.inbound(true, true),
                s.inbound(true, false));
        try {
            s.videoPorts = PortPair.bind(
                    loop,
                    at,
                    config.firstPort(),
                    config.lastPort(),
                    Set.of(s.audioPorts.rtpPort()),
                    s.inbound(false, true),
                    s.inbound(false, false));
        } catch (BindException e) {
            s.audioPorts.close();
            throw e;
        }
        s.audioPort = s.audioPorts.rtpPort();
        s.videoPort = s.videoPorts.rtpPort();
        s.start();
        return s;
    }

    private void start() {
        playout =
                runtime.scheduler().scheduleAtFixedRate(this::playout, TICK_MICROS, TICK_MICROS, TimeUnit.MICROSECONDS);
        scheduleReports();
        AudioSource.Subscription mic =
                sources.microphone().map(m -> m.subscribe(this::deliverAudio)).orElse(null);
        boolean late;
        synchronized (this) {
            microphone = mic;
            late = closed;
        }
        if (late && mic != null) {
            mic.close();
        }
    }

    public int audioPort() {
        return audioPort;
    }

    public int videoPort() {
        return videoPort;
    }

    public InetAddress localAddress() {
        return config.localAddress();
    }

    // ---- parties -------------------------------------------------------------------------------------------------

    public VideoState addPeer(String id, PeerMedia media) {
        Party party = new Party(id, media, runtime.random());
        Party old;
        synchronized (this) {
            if (closed) {
                return VideoState.NONE;
            }
            old = forget(id);
        }
        release(old);
        if (party.wantsVideo()) {
            party.holdsSlot = sources.slots().tryAcquire();
            party.videoState = party.holdsSlot ? VideoState.SENDING : VideoState.NO_SLOT;
        }
        synchronized (this) {
            if (closed || parties.containsKey(id)) { // closed, or the same id added meanwhile: this one loses
                party.removed = true;
            } else {
                parties.put(id, party);
            }
        }
        if (party.removed) {
            release(party);
            return VideoState.NONE;
        }
        if (party.videoState == VideoState.SENDING) {
            subscribe(party);
        }
        if (party.videoState == VideoState.NO_SLOT) {
            LOG.info("call media: no stream slot free for {}: it gets no video", id);
        }
        return party.videoState;
    }

    /** Outside the lock: the stream replays its cached pictures into {@link #deliverVideo} on this thread. */
    private void subscribe(Party party) {
        var subscription = sources.video().subscribe(unit -> deliverVideo(party, unit));
        boolean gone;
        synchronized (this) {
            gone = party.removed;
            if (!gone) {
                party.subscription = subscription;
            }
        }
        if (gone) {
            subscription.close();
        }
    }

    /** Under the lock: takes the party out of the call; {@link #release} it afterwards. */
    private Party forget(String id) {
        Party p = parties.remove(id);
        if (p == null) {
            return null;
        }
        p.removed = true;
        if (id.equals(answered)) {
            answered = null;
            retireJitter();
        }
        return p;
    }

    /** Outside the lock: the party's subscription and stream slot, each given back once. */
    private void release(Party p) {
        if (p == null) {
            return;
        }
        EncodedStream.Subscription subscription;
        boolean slot;
        synchronized (this) {
            subscription = p.subscription;
            p.subscription = null;
            slot = p.holdsSlot;
            p.holdsSlot = false;
        }
        if (subscription != null) {
            subscription.close();
        }
        if (slot) {
            sources.slots().release();
        }
    }

    public boolean removePeer(String id) {
        Party p;
        synchronized (this) {
            p = forget(id);
        }
        release(p);
        return p != null;
    }

    public boolean answered(String id) {
        synchronized (this) {
            Party p = parties.get(id);
            if (p == null) {
                return false;
            }
            if (!id.equals(answered)) {
                answered = id;
                retireJitter();
                int ptime = p.media.audio().map(PeerMedia.Audio::ptimeMillis).orElse(20);
                jitter = new JitterBuffer(config.jitterMillis(), ptime);
                jitterPacketSamples = ptime * AudioSource.CLOCK_RATE / 1000;
            }
            return true;
        }
    }

    public boolean keepOnly(String id) {
        List<Party> others = new ArrayList<>();
        synchronized (this) {
            if (!answered(id)) {
                return false;
            }
            for (String other : List.copyOf(parties.keySet())) {
                if (!other.equals(id)) {
                    others.add(forget(other));
                }
            }
        }
        others.forEach(this::release);
        return true;
    }

    private void retireJitter() {
        if (jitter != null) {
            jitterPlayed += jitter.played();
            jitterLost += jitter.lost();
            jitterLate += jitter.late();
            jitterDuplicates += jitter.duplicates();
            jitter = null;
        }
    }

    // ---- sending -------------------------------------------------------------------------------------------------

    /** A picture for one party, on the video source's thread (or the subscribing thread for the cached ones). */
    private void deliverVideo(Party p, AccessUnit unit) {
        synchronized (this) {
            if (closed || p.removed || p.videoState != VideoState.SENDING) {
                return;
            }
            if (!p.gate.admit(unit, videoPorts.rtp.isWritable())) {
                return;
            }
            PeerMedia.Video v = p.media.video().orElseThrow();
            VideoPacking.Packed packed = packing.of(unit, v.packetizationMode());
            p.oversizeNals += packed.oversize();
            H264Packetizer.Packed payloads = packed.payloads();
            if (payloads.count() == 0) {
                return;
            }
            var header = p.video.sending(
                    payloads.count(),
                    payloads.data().length,
                    unit.micros(),
                    runtime.clock().instant(),
                    true);
            RtpWriter.rtp(videoPorts.rtp, v.rtp(), payloads, header);
        }
    }

    /** A microphone frame for every party we send audio to, on the microphone's thread. */
    private void deliverAudio(AudioFrame frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            byte[] pcmu = null;
            for (Party p : parties.values()) {
                if (!p.sendsAudio()) {
                    continue;
                }
                byte[] g711;
                if (p.media.audio().orElseThrow().payloadType() == PeerMedia.PCMA) {
                    g711 = frame.alaw();
                } else {
                    pcmu = pcmu != null ? pcmu : MuLaw.fromALaw(frame.alaw());
                    g711 = pcmu;
                }
                byte[] packet = p.addFrame(g711, frame.micros());
                if (packet != null) {
                    var header = p.audio.sending(
                            1, packet.length, p.packetMicros(), runtime.clock().instant(), p.audioMarker);
                    p.audioMarker = false;
                    RtpWriter.rtp(audioPorts.rtp, p.audio.rtp, whole(packet), header);
                }
            }
        }
    }

    private static H264Packetizer.Packed whole(byte[] payload) {
        return new H264Packetizer.Packed(payload, new int[] {0}, new int[] {payload.length});
    }

    // ---- receiving -----------------------------------------------------------------------------------------------

    private ChannelHandler inbound(boolean audio, boolean rtp) {
        return new Inbound(audio, rtp);
    }

    /** Shareable: a bind that failed on a taken port leaves it on a dead channel, and the next bind reuses it. */
    @ChannelHandler.Sharable
    private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final boolean audio;
        private final boolean rtp;

        Inbound(boolean audio, boolean rtp) {
            this.audio = audio;
            this.rtp = rtp;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
            byte[] data = ByteBufUtil.getBytes(msg.content()); // the datagram is released on return
            if (rtp) {
                received(audio, msg.sender(), data);
            } else {
                receivedRtcp(audio, msg.sender(), data);
            }
        }
    }

    private Party byAddress(InetSocketAddress from, boolean audio, boolean rtp) {
        for (Party p : parties.values()) {
            Leg leg = audio ? p.audio : p.video;
            if (leg != null && from.equals(rtp ? leg.rtp : leg.rtcp)) {
                return p;
            }
        }
        return null;
    }

    /** An RTP datagram, on the event loop. */
    void received(boolean audio, InetSocketAddress from, byte[] data) {
        char digit = 0;
        String who = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            Party p = byAddress(from, audio, true);
            if (p == null) {
                foreign++; // RFC 4961: only the party at the negotiated address is heard
                return;
            }
            if (!(RtpPacket.decode(data, 0, data.length) instanceof RtpPacket.Decoded.Packet(RtpPacket packet))) {
                malformedRtp++;
                return;
            }
            if (audio) {
                digit = receivedAudio(p, packet);
                who = p.id;
            } else if (packet.payloadType() == p.media.video().orElseThrow().payloadType()) {
                p.video.in.packet(packet.ssrc(), packet.sequence(), packet.timestamp(), packet.payloadLength(), now());
            } else {
                unexpectedPayload++;
            }
        }
        if (digit != 0) {
            try {
                dtmf.digit(who, digit);
            } catch (RuntimeException e) {
                LOG.warn("call media: the DTMF listener failed", e);
            }
        }
    }

    /** Under the lock: audio or a telephone-event from a party; the key it pressed, or 0. */
    private char receivedAudio(Party p, RtpPacket packet) {
        PeerMedia.Audio a = p.media.audio().orElseThrow();
        int pt = packet.payloadType();
        boolean event =
                a.telephoneEvent().isPresent() && pt == a.telephoneEvent().getAsInt();
        if (!a.receive() || !(event || pt == a.payloadType())) {
            unexpectedPayload++;
            return 0;
        }
        byte[] payload = packet.payload();
        if (event) {
            if (!(TelephoneEvent.decode(payload, 0, payload.length) instanceof TelephoneEvent.Decoded.Event(var e))) {
                malformedRtp++;
                return 0;
            }
            count(p, packet);
            char key = p.dtmf.packet(packet.timestamp(), packet.marker(), e);
            if (key != 0) {
                digits++;
            }
            return key;
        }
        count(p, packet);
        if (p.id.equals(answered) && jitter != null) {
            jitter.offer(packet.sequence(), pt, payload, runtime.clock().millis());
        }
        return 0;
    }

    private void count(Party p, RtpPacket packet) {
        p.audio.in.packet(packet.ssrc(), packet.sequence(), packet.timestamp(), packet.payloadLength(), now());
    }

    /** An RTCP datagram, on the event loop. */
    void receivedRtcp(boolean audio, InetSocketAddress from, byte[] data) {
        synchronized (this) {
            if (closed) {
                return;
            }
            Party p = byAddress(from, audio, false);
            if (p == null) {
                foreign++;
                return;
            }
            Optional<List<ReceiverReport>> reports = ReceiverReport.parseCompound(data);
            if (reports.isEmpty()) {
                malformedRtcp++;
                return;
            }
            (audio ? p.audio : p.video).received(reports.get(), now());
        }
    }

    private Instant now() {
        return runtime.clock().instant();
    }

    // ---- timers --------------------------------------------------------------------------------------------------

    /** Every 20 ms on the scheduler: what the jitter buffer has due goes to the sink. */
    private void playout() {
        List<JitterBuffer.Out> due;
        int lostSamples;
        synchronized (this) {
            if (closed || jitter == null) {
                return;
            }
            due = jitter.poll(runtime.clock().millis());
            lostSamples = jitterPacketSamples;
        }
        try {
            for (JitterBuffer.Out out : due) {
                switch (out) {
                    case JitterBuffer.Out.Packet(int pt, byte[] payload) -> speaker.play(linear(pt, payload));
                    case JitterBuffer.Out.Lost() -> speaker.lost(lostSamples);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("call media: the audio sink failed", e);
        }
    }

    /** G.711 to 16-bit linear (RFC 3551 §4.5.14). */
    static short[] linear(int payloadType, byte[] g711) {
        short[] out = new short[g711.length];
        for (int i = 0; i < g711.length; i++) {
            out[i] = payloadType == PeerMedia.PCMU ? MuLaw.decode(g711[i]) : ALaw.decode(g711[i]);
        }
        return out;
    }

    private void scheduleReports() {
        long mean = config.rtcpInterval().toNanos();
        long delay = (long) (mean * (0.5 + runtime.random().nextDouble())); // §6.3.1: × [0.5, 1.5)
        ScheduledFuture<?> next = runtime.scheduler().schedule(this::sendReports, delay, TimeUnit.NANOSECONDS);
        boolean cancel;
        synchronized (this) {
            reports = next;
            cancel = closed;
        }
        if (cancel) {
            next.cancel(false);
        }
    }

    /** One compound RTCP packet per leg of each party (§6.1), then the next report is scheduled. */
    private void sendReports() {
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant now = now();
            for (Party p : parties.values()) {
                if (p.audio != null) {
                    RtpWriter.datagram(audioPorts.rtcp, p.audio.rtcp, p.audio.report(now, config.cname()));
                }
                if (p.video != null && (p.video.sent() || p.video.in.started())) {
                    RtpWriter.datagram(videoPorts.rtcp, p.video.rtcp, p.video.report(now, config.cname()));
                }
            }
        }
        scheduleReports();
    }

    // ---- status and end ------------------------------------------------------------------------------------------

    public synchronized CallStats stats() {
        List<CallStats.PeerStats> peers = new ArrayList<>(parties.size());
        for (Party p : parties.values()) {
            peers.add(p.stats());
        }
        JitterBuffer j = jitter;
        CallStats.JitterStats js = new CallStats.JitterStats(
                jitterPlayed + (j == null ? 0 : j.played()),
                jitterLost + (j == null ? 0 : j.lost()),
                jitterLate + (j == null ? 0 : j.late()),
                jitterDuplicates + (j == null ? 0 : j.duplicates()));
        return new CallStats(
                audioPort(),
                videoPort(),
                Optional.ofNullable(answered),
                peers,
                js,
                foreign,
                malformedRtp,
                malformedRtcp,
                unexpectedPayload,
                digits);
    }

    /** Idempotent: timers, microphone, every party's subscription and slot, then the sockets. */
    public void close() {
        List<Party> all;
        AudioSource.Subscription mic;
        ScheduledFuture<?> tick;
        ScheduledFuture<?> report;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>();
            for (String id : List.copyOf(parties.keySet())) {
                all.add(forget(id));
            }
            retireJitter();
            mic = microphone;
            microphone = null;
            tick = playout;
            report = reports;
        }
        if (tick != null) {
            tick.cancel(false);
        }
        if (report != null) {
            report.cancel(false);
        }
        if (mic != null) {
            mic.close();
        }
        all.forEach(this::release);
        audioPorts.close();
        videoPorts.close();
    }
}
