package org.openvto.app.video;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;
import org.openvto.app.supervision.Supervised;
import org.openvto.app.supervision.Supervisor;
import org.openvto.device.DeviceService;
import org.openvto.event.EventBus;
import org.openvto.household.ConfigChanged;
import org.openvto.household.Installation;
import org.openvto.household.Service;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.rtsp.RtspServer;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.StreamKind;
import org.openvto.media.video.StreamSlots;
import org.openvto.media.video.VideoSource;
import org.openvto.security.AccountService;
import org.openvto.security.AuthService;
import org.openvto.security.SecurityConfig;

/**
 * The camera module in the composition root: the main and sub streams (each one {@link VideoSource} behind an
 * {@link EncodedStream}, encoding only while watched), the device-wide {@link StreamSlots}, and the RTSP server,
 * restarted by a {@link Supervisor} when the TCP/IP page changes the RTSP port.
 *
 * <p><b>Settings.</b> Each stream's source follows Local Setting › Video &amp; Audio (and the device name and VTO
 * No. drawn by the test camera): after every {@code config/…/changed} the streams' {@link SourceSpec}s are computed
 * again and only a stream whose spec differs gets a new source ({@link EncodedStream#replaceSource}: its viewers stay
 * connected); the stream limit is applied to the next stream. This runs on a virtual thread of its own, in order,
 * never on the publisher's thread. Closes in reverse.
 */
public final class VideoWiring implements AutoCloseable {
    /** Quick Start Guide 1.2: "support maximum 6-channel video stream". */
    public static final int DEFAULT_MAX_STREAMS = 6;

    private final Map<StreamKind, EncodedStream> streams = new EnumMap<>(StreamKind.class);
    // written under this (applySettings), read without a lock: the status never waits for a source switch
    private final Map<StreamKind, SourceSpec> specs = new java.util.concurrent.ConcurrentHashMap<>();
    private final StreamSlots slots = new StreamSlots(DEFAULT_MAX_STREAMS);
    private final boolean commandsAllowed;
    private final ExecutorService reconfigure = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("video-settings").factory());
    private final EventBus.Subscription settingsSubscription;
    private volatile AudioSource audio; // null: video only; replaced under this
    private AudioSpec audioSpec;
    private final RtspAuth auth;
    private final Supervisor supervisor;
    private final Installation installation;
    private final String bindAddress;
    private final RtspConfig config;
    private final DeviceService device;
    private final Clock clock;
    private volatile RtspServer server; // written under the supervisor's lock
    private int serverPort = -1;

    public VideoWiring(
            DeviceService device,
            Installation installation,
            String bindAddress,
            RtspConfig config,
            VideoConfig video,
            AccountService accounts,
            AuthService authService,
            SecurityConfig security,
            EventBus bus,
            Clock clock) {
        this.device = device;
        this.installation = installation;
        this.bindAddress = bindAddress;
        this.config = config;
        this.clock = clock;
        this.commandsAllowed = video.allowCommands();
        EncodedStream main = null;
        for (StreamKind kind : StreamKind.values()) {
            SourceSpec spec = spec(kind);
            EncodedStream stream = new EncodedStream(spec.create(main, clock));
            main = main == null ? stream : main;
            streams.put(kind, stream);
            specs.put(kind, spec);
        }
        slots.setLimit(installation.video().current().maxStreams());
        this.audioSpec = AudioSpec.of(installation.video().current(), commandsAllowed);
        this.audio = audioSpec.create();
        this.settingsSubscription =
                bus.subscribe(ConfigChanged.class, "config", e -> reconfigure.execute(this::applySettings));
        this.auth = new RtspAuth(accounts, authService, security, clock, config.digestQop(), config.basicAuth());
        this.supervisor = new Supervisor(new Rtsp(), Service.RTSP, bus, Supervisor.virtualThreads("rtsp-restart"));
    }

    private SourceSpec spec(StreamKind kind) {
        return SourceSpec.of(kind, installation.video().current(), device.identity(), commandsAllowed);
    }

    /** Gives each stream whose spec changed a new source, and applies the stream limit. */
    synchronized void applySettings() {
        for (StreamKind kind : StreamKind.values()) {
            SourceSpec next = spec(kind);
            if (!next.equals(specs.get(kind))) {
                streams.get(kind).replaceSource(next.create(streams.get(StreamKind.MAIN), clock));
                specs.put(kind, next);
            }
        }
        slots.setLimit(installation.video().current().maxStreams());
        AudioSpec nextAudio = AudioSpec.of(installation.video().current(), commandsAllowed);
        if (!nextAudio.equals(audioSpec)) {
            AudioSource old = audio;
            audio = nextAudio.create(); // the next DESCRIBE offers it; sessions set up before keep what they had
            audioSpec = nextAudio;
            if (old != null) {
                old.close();
            }
        }
    }

    /** What each stream does now, for the Video &amp; Audio page. */
    public java.util.List<org.openvto.web.Camera.StreamStatus> status() {
        java.util.List<org.openvto.web.Camera.StreamStatus> out = new java.util.ArrayList<>();
        for (StreamKind kind : StreamKind.values()) {
            EncodedStream stream = streams.get(kind);
            VideoSource source = stream.source();
            var status = source.status();
            var format = source.format();
            out.add(new org.openvto.web.Camera.StreamStatus(
                    kind == StreamKind.MAIN ? org.openvto.web.Camera.Stream.MAIN : org.openvto.web.Camera.Stream.SUB,
                    specs.get(kind).label(),
                    status.state().name().toLowerCase(java.util.Locale.ROOT),
                    status.detail(),
                    status.since(),
                    format.map(f -> f.width()).orElse(0),
                    format.map(f -> f.height()).orElse(0),
                    status.measuredFps(),
                    source.cpuPercent(),
                    status.restarts(),
                    stream.viewers()));
        }
        return out;
    }

    /** Starts the RTSP server; a port that cannot be bound is reported in the status, not thrown. */
    public void start() {
        supervisor.start();
    }

    public EncodedStream stream(StreamKind kind) {
        return streams.get(kind);
    }

    /** The microphone the audio settings chose, if any (it changes with them). */
    public Optional<AudioSource> microphone() {
        return Optional.ofNullable(audio);
    }

    public StreamSlots slots() {
        return slots;
    }

    /** The current picture of a stream as a JPEG, when the source has one. */
    public Optional<byte[]> snapshot(StreamKind kind) {
        return streams.get(kind).source().snapshotJpeg();
    }

    /** The console's view of the camera (snapshots, status). */
    public org.openvto.web.Camera camera() {
        return new org.openvto.web.Camera() {
            @Override
            public Optional<byte[]> snapshotJpeg(Stream stream) {
                return snapshot(stream == Stream.MAIN ? StreamKind.MAIN : StreamKind.SUB);
            }

            @Override
            public java.util.List<StreamStatus> status() {
                return VideoWiring.this.status();
            }
        };
    }

    /** The bound RTSP port, or -1 while the server is not running. */
    public int rtspPort() {
        RtspServer s = server;
        return s == null ? -1 : s.port();
    }

    /** RTSP and stream counters on /metrics ({@code openvto_rtsp_*}, {@code openvto_video_*}). */
    public void bindMetrics(MeterRegistry registry) {
        gauge(registry, "openvto.rtsp.connections", "RTSP connections open", s -> s.connections());
        gauge(registry, "openvto.rtsp.sessions", "RTSP sessions set up", s -> s.sessions());
        gauge(registry, "openvto.rtsp.playing", "RTSP sessions receiving video", s -> s.playing());
        counter(registry, "openvto.rtsp.malformed", "malformed RTSP requests answered with 400", s -> s.malformed());
        counter(
                registry,
                "openvto.rtsp.refused.busy",
                "RTSP SETUPs refused with 453 at the stream limit",
                s -> s.refusedBusy());
        counter(
                registry,
                "openvto.video.dropped.pictures",
                "pictures not sent to slow viewers",
                s -> s.droppedPictures());
        counter(registry, "openvto.rtsp.receiver.reports", "RTCP receiver reports read", s -> s.receiverReports());
        counter(registry, "openvto.rtsp.malformed.rtcp", "RTCP packets dropped as malformed", s -> s.malformedRtcp());
        Gauge.builder("openvto.video.streams.used", slots, StreamSlots::used)
                .description("video streams in use (RTSP, monitor, calls) of the device-wide limit")
                .register(registry);
        Gauge.builder("openvto.video.streams.limit", slots, StreamSlots::limit).register(registry);
        for (StreamKind kind : StreamKind.values()) {
            EncodedStream stream = streams.get(kind);
            Gauge.builder(
                            "openvto.video.encoder.cpu.percent",
                            stream,
                            st -> Math.max(0, st.source().cpuPercent()))
                    .tag("stream", kind.name().toLowerCase(java.util.Locale.ROOT))
                    .description("the stream's encoder (or command) CPU, percent of one core")
                    .register(registry);
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            Gauge.builder("openvto.video.viewers", stream, EncodedStream::viewers)
                    .tag("stream", name)
                    .register(registry);
            FunctionCounter.builder("openvto.video.pictures", stream, EncodedStream::published)
                    .tag("stream", name)
                    .description("pictures encoded")
                    .register(registry);
        }
        var netty = PooledByteBufAllocator.DEFAULT.metric();
        Gauge.builder(
                        "openvto.netty.direct.active.allocations",
                        netty,
                        m -> m.directArenas().stream()
                                .mapToLong(a -> a.numActiveAllocations())
                                .sum())
                .description("pooled direct buffers not yet released (a leak shows as growth)")
                .register(registry);
        Gauge.builder(
                        "openvto.netty.heap.active.allocations",
                        netty,
                        m -> m.heapArenas().stream()
                                .mapToLong(a -> a.numActiveAllocations())
                                .sum())
                .register(registry);
    }

    private void gauge(MeterRegistry r, String name, String description, ToDoubleFunction<RtspServer.Stats> f) {
        Gauge.builder(name, this, w -> w.stats().map(f::applyAsDouble).orElse(0.0))
                .description(description)
                .register(r);
    }

    private void counter(MeterRegistry r, String name, String description, ToDoubleFunction<RtspServer.Stats> f) {
        FunctionCounter.builder(name, this, w -> w.stats().map(f::applyAsDouble).orElse(0.0))
                .description(description)
                .register(r);
    }

    private Optional<RtspServer.Stats> stats() {
        RtspServer s = server;
        return s == null ? Optional.empty() : Optional.of(s.stats());
    }

    /** The RTSP server as the supervisor sees it. */
    private final class Rtsp implements Supervised {
        @Override
        public String name() {
            return "RTSP server";
        }

        @Override
        public void start() throws Exception {
            int port = installation.network().current().rtspPort();
            RtspServer s = new RtspServer(
                    new RtspServer.Settings(
                            bindAddress,
                            port,
                            config.rtpPort(),
                            config.sessionTimeoutSeconds(),
                            config.maxConnections(),
                            device.identity().deviceName()),
                    streams::get,
                    kind -> Optional.ofNullable(audio), // both streams carry the one microphone, if configured
                    auth,
                    slots,
                    clock);
            try {
                s.start();
            } catch (Exception | Error e) {
                s.close();
                throw e;
            }
            server = s;
            serverPort = port;
        }

        @Override
        public void stop() {
            RtspServer s = server;
            server = null;
            if (s != null) {
                s.close();
            }
        }

        @Override
        public boolean settingsChanged() {
            return serverPort != installation.network().current().rtspPort();
        }
    }

    @Override
    public void close() {
        settingsSubscription.close();
        reconfigure.close(); // waits for a change being applied
        supervisor.close();
        streams.values().forEach(EncodedStream::close);
        AudioSource a = audio;
        if (a != null) {
            a.close();
        }
        auth.close();
    }
}
