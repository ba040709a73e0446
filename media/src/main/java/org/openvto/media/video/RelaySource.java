package org.openvto.media.video;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openvto.media.h264.H264Depacketizer;
import org.openvto.media.rtsp.client.H264Track;
import org.openvto.media.rtsp.client.RtspClient;
import org.openvto.media.rtsp.client.RtspClientException;
import org.openvto.media.video.internal.KeyFrames;
import org.openvto.media.video.internal.RateMeter;

/**
 * An existing RTSP camera as the door camera: its H.264 track relayed (RFC 6184 depacketised into access units),
 * encoded by the camera, never re-encoded here.
 *
 * <p><b>Demand.</b> Connected between {@link #start} and {@link #stop}: DESCRIBE (Digest with or without
 * {@code qop}), SETUP interleaved over TCP, PLAY; {@link #stop} sends TEARDOWN and closes.
 *
 * <p><b>Stream.</b> Each access unit is delivered as received; a key frame gets the SPS and PPS put in front when
 * the camera sends them only in the SDP ({@code sprop-parameter-sets}), so every IDR can start a decoder (RFC 6184
 * §8.4). Pictures lost in transit are dropped up to the next IDR by {@link H264Depacketizer}. Timestamps come from
 * the RTP timestamps (90 kHz → µs) and stay monotonic across reconnections.
 *
 * <p><b>Failures.</b> Nothing throws: a refused login ("401 Unauthorized: wrong user or password"), an unreachable
 * camera, a stream without H.264, or a camera silent for 10 s is {@code RESTARTING} with that reason, retried after 1
 * s, 2 s, 4 s… at most 30 s (the back-off of {@link CommandSource}), reset once a connection delivered pictures.
 *
 * <p><b>Threading.</b> Each connection runs on its own platform daemon thread ({@code rtsp-relay}): units reach the
 * sink on it. Retries are timed by the scheduler. All public methods may be called from any thread and return at
 * once; after {@link #stop} returns no unit reaches the sink.
 */
public final class RelaySource implements VideoSource {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FPS_WINDOW = Duration.ofSeconds(2);

    /**
     * @param url {@code rtsp://host[:port]/path}, without user information
     * @param username the camera's account, blank for none
     * @param password its password
     * @param allowBasic whether the password may be sent in clear when the camera asks for Basic
     * @param fps the nominal frame rate (for {@link StreamFormat})
     */
    public record Settings(URI url, String username, String password, boolean allowBasic, int fps) {
        public Settings {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final KeyFrames keyFrames;
    private final Object lock = new Object();
    private final RateMeter deliveries = new RateMeter(FPS_WINDOW);
    private Consumer<AccessUnit> sink; // null while stopped
    private Connection current;
    private ScheduledFuture<?> pendingRestart;
    private int failures;
    private long restarts;
    private SourceStatus.State state = SourceStatus.State.IDLE;
    private Instant since;
    private String reason = "";
    private long lastMicros = Long.MIN_VALUE;
    private boolean closed;

    public RelaySource(Settings settings) {
        this(settings, Clock.systemUTC(), timer(), true);
    }

    /** For tests: an injected clock and scheduler (retries; not shut down by {@link #close}). */
    RelaySource(Settings settings, Clock clock, ScheduledExecutorService scheduler) {
        this(settings, clock, scheduler, false);
    }

    private RelaySource(Settings settings, Clock clock, ScheduledExecutorService scheduler, boolean ownsScheduler) {
        this.ownsScheduler = ownsScheduler;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.keyFrames = new KeyFrames(settings.fps());
        this.since = clock.instant();
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rtsp-relay-timer");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public void start(Consumer<AccessUnit> newSink) {
        Objects.requireNonNull(newSink, "sink");
        synchronized (lock) {
            if (closed || sink != null) {
                return;
            }
            sink = newSink;
            failures = 0;
            connect();
        }
    }

    @Override
    public void stop() {
        Connection stopped;
        synchronized (lock) {
            if (sink == null) {
                return;
            }
            sink = null;
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
                pendingRestart = null;
            }
            stopped = current;
            current = null;
            deliveries.clear();
            reason = "";
            enter(SourceStatus.State.IDLE);
        }
        if (stopped != null) {
            stopped.end();
        }
    }

    /** Under the lock. */
    private void connect() {
        Connection c = new Connection();
        current = c;
        enter(SourceStatus.State.RUNNING);
        Thread.ofPlatform().name("rtsp-relay").daemon().start(c::run);
    }

    /** One connection to the camera, on its own thread. */
    private final class Connection {
        private volatile boolean ended;
        private volatile RtspClient client;
        private boolean delivered;
        private long shift; // added to this connection's timestamps
        private long firstTimestamp = -1;
        private long lastTimestamp;
        private long wraps;
        private byte[] sps = new byte[0];
        private byte[] pps = new byte[0];

        void run() {
            String why;
            try (RtspClient c = RtspClient.open(settings.url(), credentials(), TIMEOUT)) {
                client = c;
                if (ended) {
                    return;
                }
                H264Track track = c.describe();
                sps = track.sps();
                pps = track.pps();
                c.play(track);
                H264Depacketizer depacketizer = new H264Depacketizer(this::unit);
                c.receive((packet, length) -> rtp(depacketizer, track.payloadType(), packet, length), () -> !ended);
                why = "the camera ended the stream";
            } catch (RtspClientException e) {
                why = e.getMessage();
            } catch (IOException e) {
                why = "cannot reach the camera: " + e.getMessage();
            } catch (RuntimeException e) {
                why = "relay failed: " + e;
            }
            failed(this, why);
        }

        void end() {
            ended = true;
            RtspClient c = client;
            if (c != null) {
                c.close(); // TEARDOWN, and a blocked read returns
            }
        }

        private void rtp(H264Depacketizer d, int payloadType, byte[] p, int length) {
            if (length < 12 || (p[0] & 0xC0) != 0x80 || (p[1] & 0x7F) != payloadType) {
                return; // not RTP version 2 of the video payload type
            }
            int csrc = p[0] & 0x0F;
            int off = 12 + 4 * csrc;
            if ((p[0] & 0x10) != 0) { // header extension
                if (length < off + 4) {
                    return;
                }
                off += 4 + 4 * (((p[off + 2] & 0xFF) << 8) | (p[off + 3] & 0xFF));
            }
            int end = length;
            if ((p[0] & 0x20) != 0 && length > 0) { // padding
                end -= p[length - 1] & 0xFF;
            }
            if (off >= end) {
                return;
            }
            int seq = ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
            long ts = ((p[4] & 0xFFL) << 24) | ((p[5] & 0xFFL) << 16) | ((p[6] & 0xFFL) << 8) | (p[7] & 0xFFL);
            d.packet(seq, ts, (p[1] & 0x80) != 0, p, off, end - off);
        }

        private void unit(List<byte[]> nals, long rtpTimestamp) {
            List<byte[]> out = new ArrayList<>(nals.size() + 2);
            boolean key = false;
            for (byte[] nal : nals) {
                int type = nal[0] & 0x1F;
                if (type == 7) {
                    sps = nal;
                } else if (type == 8) {
                    pps = nal;
                } else if (type == 5) {
                    key = true;
                }
            }
            if (key) {
                if (sps.length == 0 || pps.length == 0) {
                    return; // no parameter sets yet: a decoder could not start here
                }
                out.add(sps);
                out.add(pps);
                for (byte[] nal : nals) {
                    int type = nal[0] & 0x1F;
                    if (type != 7 && type != 8) {
                        out.add(nal);
                    }
                }
            } else {
                out.addAll(nals);
            }
            deliver(this, new AccessUnit(out, micros(rtpTimestamp), key, System.nanoTime()), key);
        }

        private long micros(long ts) {
            if (firstTimestamp < 0) {
                firstTimestamp = ts;
                lastTimestamp = ts;
            }
            if (ts < lastTimestamp && lastTimestamp - ts > 0x8000_0000L) {
                wraps++; // 32-bit RTP timestamp wrapped
            }
            lastTimestamp = ts;
            return ((ts + (wraps << 32)) - firstTimestamp) * 1_000 / 90;
        }
    }

    private RtspClient.Credentials credentials() {
        return settings.username().isEmpty()
                ? RtspClient.Credentials.NONE
                : new RtspClient.Credentials(settings.username(), settings.password(), settings.allowBasic());
    }

    private void deliver(Connection c, AccessUnit unit, boolean key) {
        synchronized (lock) {
            if (current != c || sink == null) {
                return;
            }
            if (!c.delivered) {
                // a new connection: its pictures go on from the last picture of the previous one
                c.shift = lastMicros == Long.MIN_VALUE ? 0 : lastMicros + 1_000_000L / settings.fps() - unit.micros();
                c.delivered = true;
                failures = 0;
                reason = "";
            }
            long micros = unit.micros() + c.shift;
            if (lastMicros != Long.MIN_VALUE && micros <= lastMicros) {
                micros = lastMicros + 1; // a camera whose timestamps step back: keep them monotonic
            }
            AccessUnit out =
                    micros == unit.micros() ? unit : new AccessUnit(unit.nals(), micros, key, unit.capturedNanos());
            lastMicros = out.micros();
            if (key) {
                keyFrames.keyFrame(out);
            }
            sink.accept(out);
            deliveries.record(clock.instant(), -1);
        }
    }

    private void failed(Connection c, String why) {
        synchronized (lock) {
            if (current != c || sink == null) {
                return; // stopped
            }
            current = null;
            reason = why;
            deliveries.clear();
            enter(SourceStatus.State.RESTARTING);
            Duration delay = CommandSource.backoff(failures);
            failures++;
            try {
                pendingRestart = scheduler.schedule(this::restart, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RuntimeException shutDown) {
                enter(SourceStatus.State.FAILED);
            }
        }
    }

    private void restart() {
        synchronized (lock) {
            pendingRestart = null;
            if (sink == null || closed) {
                return;
            }
            restarts++;
            connect();
        }
    }

    private void enter(SourceStatus.State next) {
        if (state != next) {
            state = next;
            since = clock.instant();
        }
    }

    @Override
    public Optional<StreamFormat> format() {
        return keyFrames.format();
    }

    @Override
    public SourceStatus status() {
        synchronized (lock) {
            String detail = reason.isEmpty() ? "" : reason;
            double fps = state == SourceStatus.State.RUNNING ? deliveries.perSecond() : 0;
            return new SourceStatus(state, detail, since, fps, restarts);
        }
    }

    @Override
    public Optional<byte[]> snapshotJpeg() {
        return keyFrames.snapshotJpeg();
    }

    /** Relaying costs no encoding: not measured. */
    @Override
    public double cpuPercent() {
        return -1;
    }

    /** The camera's host, for the console. */
    public String host() {
        return settings.url().getHost();
    }

    @Override
    public void close() {
        stop();
        synchronized (lock) {
            closed = true;
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }
}
