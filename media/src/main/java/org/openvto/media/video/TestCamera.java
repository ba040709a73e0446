package org.openvto.media.video;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.VideoEncoder.EncodedFrame;
import org.jcodec.common.model.Picture;
import org.openvto.media.h264.AnnexB;
import org.openvto.media.h264.H264Level;
import org.openvto.media.video.internal.FrameRateControl;
import org.openvto.media.video.internal.Jpeg;
import org.openvto.media.video.internal.RateMeter;
import org.openvto.media.video.internal.TestScene;
import org.openvto.media.video.internal.Yuv;

/**
 * The built-in camera, pure Java: a moving test scene ({@link TestScene}: scrolling bars, a bouncing ball, the
 * device name, the VTO number and the time) encoded to H.264 constrained baseline by JCodec, so a door station
 * without a camera still streams something a viewer recognises.
 *
 * <p><b>Stream.</b> Single-slice pictures, CAVLC, one reference frame; an IDR every {@link Settings#keyFrameInterval}
 * pictures, each key frame's access unit being SPS, PPS, IDR (JCodec writes them on every IDR). The first picture
 * after {@link #start} is an IDR. {@link #format()} is known from construction (a throwaway frame is encoded then).
 * Timestamps are frame index × 10⁶ / fps, the index counting on across stop/start (and across skipped frames), so
 * they are monotonic.
 *
 * <p><b>Bitrate.</b> JCodec has no rate control of its own; {@link FrameRateControl} picks one QP per picture from a
 * leaky bucket of {@link Settings#bitrateKbps}, converging over seconds (QP 20…44); a simple scene may stay below.
 *
 * <p><b>Threading and pacing.</b> Pictures are drawn, encoded and handed to the sink on one thread: the injected
 * scheduler's, by default a platform daemon thread named {@code test-camera}. A tick whose picture is due later
 * than half a frame interval ago (encoding slower than real time, or a stalled thread) skips the frames it missed
 * instead of queueing them; they are counted in {@link #skippedFrames()} and shown in the status detail. Pacing
 * follows the injected clock; when it is more than a second off (a wall-clock step, or a stall that long) the
 * camera re-anchors on the next tick and goes on at once, without skipping or a timestamp jump.
 * {@link #start}, {@link #stop}, {@link #status} and {@link #snapshotJpeg} may be called from any thread and never
 * block on encoding; after {@code stop} returns no unit reaches the sink.
 *
 * <p><b>Failures.</b> Nothing throws after construction: a picture that fails to encode is skipped and its error
 * shown in the status detail. Cost: about one JCodec encode per frame (see the module's notes for measurements).
 */
public final class TestCamera implements VideoSource {
    /** Frames over which {@link SourceStatus#measuredFps} is averaged, at most. */
    private static final Duration FPS_WINDOW = Duration.ofSeconds(2);

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * JCodec's motion search range, pixels each way: 8 instead of its default 16 costs about 30 % less encoding at
     * the same QP for this scene (its fastest motion, the ball, moves about 16 px per frame at 10 fps in 640×360,
     * but the bars' and the caption's do not).
     */
    static final int MOTION_SEARCH_RANGE = 8;

    /**
     * The camera's configuration.
     *
     * @param width even, 160…1920
     * @param height even, 120…1080
     * @param fps frames per second, 1…30
     * @param bitrateKbps target bitrate, 16…20000 kbit/s
     * @param keyFrameInterval pictures from one IDR to the next, 1…300
     * @param deviceName drawn into the picture
     * @param vtoNumber drawn into the picture
     */
    public record Settings(
            int width,
            int height,
            int fps,
            int bitrateKbps,
            int keyFrameInterval,
            String deviceName,
            String vtoNumber) {
        public Settings {
            check(width % 2 == 0 && width >= 160 && width <= 1920, "width must be even, 160..1920: " + width);
            check(height % 2 == 0 && height >= 120 && height <= 1080, "height must be even, 120..1080: " + height);
            check(fps >= 1 && fps <= 30, "fps must be 1..30: " + fps);
            check(bitrateKbps >= 16 && bitrateKbps <= 20_000, "bitrate must be 16..20000 kbit/s: " + bitrateKbps);
            check(
                    keyFrameInterval >= 1 && keyFrameInterval <= 300,
                    "key frame interval must be 1..300: " + keyFrameInterval);
            Objects.requireNonNull(deviceName, "deviceName");
            Objects.requireNonNull(vtoNumber, "vtoNumber");
        }

        /** The recommended main stream: 640×360 at 10 fps, 600 kbit/s, a key frame every 2 s. */
        public static Settings main(String deviceName, String vtoNumber) {
            return new Settings(640, 360, 10, 600, 20, deviceName, vtoNumber);
        }

        /** The recommended sub stream (preview, indoor monitors): 320×180 at 10 fps, 200 kbit/s. */
        public static Settings sub(String deviceName, String vtoNumber) {
            return new Settings(320, 180, 10, 200, 20, deviceName, vtoNumber);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        long frameNanos() {
            return 1_000_000_000L / fps;
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final TestScene scene;
    private final StreamFormat format;

    private final Object lock = new Object();
    private Session session; // null while stopped
    private long nextFrame; // index of the next picture: never reset, so timestamps stay monotonic
    private long skipped;
    private long failed;
    private String lastError = "";
    private SourceStatus.State state = SourceStatus.State.IDLE;
    private Instant since;
    private final RateMeter deliveries = new RateMeter(FPS_WINDOW);
    private long encodeCpuNanos; // this camera's drawing and encoding, summed over its frames
    private boolean closed;

    /** A camera on its own {@code test-camera} thread and the system clock. */
    public TestCamera(Settings settings) {
        this(settings, Clock.systemDefaultZone(), ownThread(), true);
    }

    /**
     * A camera driven by {@code scheduler} (not shut down by {@link #close}) and {@code clock} (pacing, captions,
     * measured fps).
     */
    public TestCamera(Settings settings, Clock clock, ScheduledExecutorService scheduler) {
        this(settings, clock, scheduler, false);
    }

    private TestCamera(Settings settings, Clock clock, ScheduledExecutorService scheduler, boolean ownsScheduler) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = clock;
        this.scheduler = scheduler;
        this.ownsScheduler = ownsScheduler;
        this.scene = new TestScene(
                settings.width(),
                settings.height(),
                settings.fps(),
                settings.deviceName(),
                settings.vtoNumber(),
                clock.getZone());
        this.format = learnFormat();
        this.since = clock.instant();
    }

    private static ScheduledExecutorService ownThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "test-camera");
            t.setDaemon(true); // a forgotten camera must not keep the JVM alive
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Encodes one throwaway picture: JCodec's SPS and PPS depend only on size and key interval. */
    private StreamFormat learnFormat() {
        AccessUnit first = new Session(null).encode(0, clock.instant());
        byte[] sps = null;
        byte[] pps = null;
        for (byte[] nal : first.nals()) {
            int type = AnnexB.type(nal);
            if (type == 7 && sps == null) {
                sps = nal;
            } else if (type == 8 && pps == null) {
                pps = nal;
            }
        }
        if (sps == null || pps == null) {
            throw new IllegalStateException("JCodec wrote no SPS/PPS on its first picture");
        }
        return new StreamFormat(settings.width(), settings.height(), settings.fps(), sps, pps);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void start(Consumer<AccessUnit> sink) {
        Objects.requireNonNull(sink, "sink");
        synchronized (lock) {
            if (closed || session != null) {
                return; // already producing: one sink at a time (EncodedStream fans out)
            }
            Session s = new Session(sink);
            session = s;
            try {
                s.tick = scheduler.scheduleAtFixedRate(() -> tick(s), 0, settings.frameNanos(), TimeUnit.NANOSECONDS);
            } catch (RuntimeException rejected) { // a shut-down scheduler: report, never throw
                session = null;
                lastError = "cannot schedule frames: " + rejected;
                enter(SourceStatus.State.FAILED);
                return;
            }
            enter(SourceStatus.State.RUNNING);
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (session == null) {
                return;
            }
            session.tick.cancel(false); // an encode in progress finishes but is not delivered (session check)
            session = null;
            deliveries.clear();
            enter(SourceStatus.State.IDLE);
        }
    }

    @Override
    public Optional<StreamFormat> format() {
        return Optional.of(format);
    }

    @Override
    public SourceStatus status() {
        synchronized (lock) {
            return new SourceStatus(state, detail(), since, measuredFps(), 0);
        }
    }

    /** Frames skipped because encoding fell behind real time, since construction. */
    public long skippedFrames() {
        synchronized (lock) {
            return skipped;
        }
    }

    @Override
    public Optional<byte[]> snapshotJpeg() {
        long frame;
        synchronized (lock) {
            frame = nextFrame;
        }
        try {
            return Optional.of(Jpeg.encode(scene.draw(frame, clock.instant())));
        } catch (RuntimeException e) {
            return Optional.empty(); // contract: never throws
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        stop();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    /** One frame slot: skip what is overdue, draw and encode outside the lock, deliver if still current. */
    private void tick(Session s) {
        long frame;
        synchronized (lock) {
            if (session != s) {
                return;
            }
            long due = s.firstFrame + framesSince(s.startedAt);
            if (Math.abs(due - nextFrame) > settings.fps()) {
                // over a second off: the wall clock was stepped (NTP), or the thread stalled that long; going on
                // from now beats pausing until the clock comes back, or a timestamp jump of the step's size
                s.firstFrame = nextFrame;
                s.startedAt = clock.instant();
                due = nextFrame;
            }
            if (due < nextFrame) {
                return; // a catch-up run after a stall: its frame was skipped already
            }
            skipped += due - nextFrame;
            frame = due;
            nextFrame = due + 1;
        }
        Instant now = clock.instant();
        AccessUnit unit;
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        try {
            unit = s.encode(frame, now);
        } catch (RuntimeException e) { // never let the periodic task die: it would stop the stream silently
            synchronized (lock) {
                failed++;
                lastError = "encoding failed: " + e;
            }
            return;
        }
        synchronized (lock) {
            if (session != s) {
                return;
            }
            s.sink.accept(unit);
            encodeCpuNanos += Math.max(0, THREADS.getCurrentThreadCpuTime() - cpuBefore);
            deliveries.record(now, encodeCpuNanos);
        }
    }

    /** Frame intervals since {@code start}, rounded: a tick up to half an interval late is on time. */
    private long framesSince(Instant start) {
        long nanos = Duration.between(start, clock.instant()).toNanos();
        return Math.floorDiv(nanos * settings.fps() + 500_000_000L, 1_000_000_000L); // negative if stepped back
    }

    private double measuredFps() {
        return state == SourceStatus.State.RUNNING ? deliveries.perSecond() : 0;
    }

    /** Drawing and encoding CPU over the last seconds, percent of one core; 0 while idle (nothing is encoded). */
    @Override
    public double cpuPercent() {
        synchronized (lock) {
            if (state != SourceStatus.State.RUNNING) {
                return 0;
            }
            return Math.max(0, deliveries.cpuPercent());
        }
    }

    private String detail() {
        StringBuilder b = new StringBuilder();
        if (skipped > 0) {
            b.append("skipped ")
                    .append(skipped)
                    .append(" frames: encoding slower than ")
                    .append(settings.fps())
                    .append(" fps");
        }
        if (failed > 0) {
            b.append(b.isEmpty() ? "" : "; ")
                    .append(failed)
                    .append(" frames failed, last: ")
                    .append(lastError);
        } else if (state == SourceStatus.State.FAILED) {
            b.append(lastError);
        }
        return b.toString();
    }

    private void enter(SourceStatus.State next) {
        if (state != next) {
            state = next;
            since = clock.instant();
        }
    }

    /** One start…stop: a fresh encoder (its first picture is an IDR) and its buffers, used on the producer thread. */
    private final class Session {
        final Consumer<AccessUnit> sink;
        long firstFrame; // the pacing anchor: frame firstFrame was due at startedAt (under the lock)
        Instant startedAt;
        final H264Encoder encoder;
        final FrameRateControl rate;
        final BufferedImage image;
        final Picture picture;
        final ByteBuffer out;
        final int level = H264Level.levelIdc(settings.width(), settings.height(), settings.fps());
        ScheduledFuture<?> tick;

        Session(Consumer<AccessUnit> sink) {
            this.sink = sink;
            this.firstFrame = nextFrame;
            this.startedAt = clock.instant();
            this.rate = new FrameRateControl(settings.bitrateKbps(), settings.fps());
            this.encoder = new H264Encoder(rate);
            encoder.setKeyInterval(settings.keyFrameInterval());
            encoder.setMotionSearchRange(MOTION_SEARCH_RANGE);
            this.image = new BufferedImage(settings.width(), settings.height(), BufferedImage.TYPE_INT_RGB);
            this.picture = Yuv.allocate(settings.width(), settings.height());
            // JCodec's own slice buffer is one byte per pixel; the output holds that plus SPS/PPS
            this.out = ByteBuffer.allocate(picture.getWidth() * picture.getHeight() + 4096);
        }

        AccessUnit encode(long frame, Instant now) {
            scene.draw(image, frame, now);
            Yuv.fromRgb(image, picture);
            out.clear();
            EncodedFrame encoded = encoder.encodeFrame(picture, out);
            ByteBuffer data = encoded.getData();
            byte[] stream = new byte[data.remaining()];
            data.get(stream);
            rate.frameDone(stream.length);
            List<byte[]> nals = new java.util.ArrayList<>(AnnexB.split(stream));
            for (int i = 0; i < nals.size(); i++) {
                if (AnnexB.type(nals.get(i)) == 7) { // JCodec declares level 4.0 for any size: declare the real one
                    nals.set(i, H264Level.asConstrainedBaseline(nals.get(i), level));
                }
            }
            return new AccessUnit(nals, frame * 1_000_000L / settings.fps(), encoded.isKeyFrame(), System.nanoTime());
        }
    }
}
