package org.openvto.media.video;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.openvto.media.command.CommandRunner;
import org.openvto.media.h264.AnnexBReader;
import org.openvto.media.video.internal.AccessUnitAssembler;
import org.openvto.media.video.internal.KeyFrames;
import org.openvto.media.video.internal.RateMeter;

/**
 * An external encoder: any command writing an H.264 Annex-B byte stream to its stdout, e.g. {@code ffmpeg -f v4l2
 * -i /dev/video0 -c:v libx264 -profile:v baseline -tune zerolatency -g 20 -f h264 -}. The process runs only while
 * the source is started (demand).
 *
 * <p><b>Stream.</b> stdout is split into NAL units ({@link AnnexBReader}) and grouped into access units
 * ({@link AccessUnitAssembler}): each process's first unit is a key frame, every key frame carries SPS and PPS
 * (the latest ones are inserted when the encoder did not repeat them), and each unit is delivered when the next one
 * begins (one picture of latency). The stream has no timestamps: each unit is stamped with the injected clock when
 * it completes, in microseconds, at least one nominal frame interval after the previous one (also across restarts),
 * so the configured fps must not be below the command's real rate. {@link #format()} is known after the
 * first key frame (size from the SPS; fps as configured, the stream does not say).
 *
 * <p><b>Failures.</b> Nothing throws. When the process exits (or cannot be executed at all: a missing binary or
 * device) while started, the state is {@code RESTARTING} with the reason and the last non-empty stderr line, and it
 * is started again after a back-off of 1 s, 2 s, 4 s… at most 30 s, reset to 1 s once a process ran for 60 s. A
 * process that is alive but writes no picture for {@link CommandRunner#STALL_TIMEOUT} (a hung driver) is terminated
 * by the runner's watchdog and restarted the same way, its status saying so. {@link #stop} destroys the process and its descendants (gracefully, then forcibly after 2 s).
 *
 * <p><b>Threading.</b> The process handling is {@link CommandRunner}'s: each process has a reader thread for stdout
 * (the producer: units reach the sink on it, one process at a time) and one for stderr; restarts and kills run on
 * the scheduler. All public methods may be called
 * from any thread and return at once; after {@link #stop} returns no unit reaches the sink.
 *
 * <p><b>Snapshots</b> decode the latest key frame with JCodec (baseline/main CAVLC or CABAC); empty before one, or
 * when JCodec cannot decode the stream.
 */
public final class CommandSource implements VideoSource {
    private static final Duration FPS_WINDOW = Duration.ofSeconds(2);

    /** Starts the command's process; the production one is {@link ProcessBuilder}. */
    @FunctionalInterface
    public interface Launcher extends CommandRunner.Launcher {}

    private final int fps;
    private final Clock clock;
    private final CommandRunner runner;

    private final Object lifecycle = new Object(); // orders start and stop; never held while delivering
    private final Object lock = new Object(); // the fields below; taken inside the runner's lock, never around it
    private volatile Consumer<AccessUnit> sink; // null while stopped
    private final KeyFrames keyFrames;
    private long lastMicros = Long.MIN_VALUE;
    private final RateMeter deliveries = new RateMeter(FPS_WINDOW);

    /**
     * A source running {@code command} with the system clock and its own daemon threads.
     *
     * @param fps the nominal frame rate the command produces (for {@link StreamFormat}; not enforced)
     */
    public CommandSource(List<String> command, int fps) {
        this(
                command,
                fps,
                Clock.systemDefaultZone(),
                CommandRunner.timer("command-source-timer"),
                true,
                CommandRunner::processBuilder,
                CommandRunner.daemonThreads("command-source"));
    }

    /** For tests: an injected clock, scheduler (restarts, kills), process launcher and reader-thread executor. */
    CommandSource(
            List<String> command,
            int fps,
            Clock clock,
            ScheduledExecutorService scheduler,
            Launcher launcher,
            Executor threads) {
        this(command, fps, clock, scheduler, false, launcher, threads);
    }

    private CommandSource(
            List<String> command,
            int fps,
            Clock clock,
            ScheduledExecutorService scheduler,
            boolean ownsScheduler,
            CommandRunner.Launcher launcher,
            Executor threads) {
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("fps must be 1..60: " + fps);
        }
        this.fps = fps;
        this.keyFrames = new KeyFrames(fps);
        this.clock = clock;
        this.runner = new CommandRunner(command, clock, scheduler, ownsScheduler, launcher, threads, this::read);
    }

    public List<String> command() {
        return runner.command();
    }

    @Override
    public void start(Consumer<AccessUnit> newSink) {
        Objects.requireNonNull(newSink, "sink");
        synchronized (lifecycle) {
            if (sink != null) {
                return;
            }
            sink = newSink;
            if (!runner.start()) {
                sink = null; // closed
            }
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (sink == null) {
                return;
            }
            runner.stop(); // no unit is delivered from here on (deliver runs under the runner's lock)
            sink = null;
            synchronized (lock) {
                deliveries.clear();
            }
        }
    }

    @Override
    public Optional<StreamFormat> format() {
        return keyFrames.format();
    }

    @Override
    public SourceStatus status() {
        double fpsNow;
        synchronized (lock) {
            fpsNow = deliveries.perSecond();
        }
        return runner.status(fpsNow);
    }

    @Override
    public Optional<byte[]> snapshotJpeg() {
        return keyFrames.snapshotJpeg();
    }

    @Override
    public void close() {
        runner.close();
        stop();
    }

    /** The running process's id, for tests and diagnostics. */
    OptionalLong pid() {
        return runner.pid();
    }

    /** 1 s, 2 s, 4 s… after the 1st, 2nd, 3rd consecutive failure, at most 30 s ({@link CommandRunner#backoff}). */
    static Duration backoff(int previousFailures) {
        return CommandRunner.backoff(previousFailures);
    }

    /** One process's stdout, on its reader thread. */
    private void read(CommandRunner.Run run, InputStream in) throws IOException {
        synchronized (lock) {
            deliveries.clear();
        }
        AccessUnitAssembler units = new AccessUnitAssembler(unit -> deliver(run, unit), this::nextMicros);
        AnnexBReader reader = new AnnexBReader(units::nal);
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                reader.feed(buffer, 0, n);
            }
        } finally {
            reader.finish();
            units.flush();
        }
    }

    private long nextMicros() {
        synchronized (lock) {
            Instant now = clock.instant();
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
            // at least one nominal frame interval apart: pictures that arrive in a burst (a loaded machine, a pipe
            // flushed at once) would otherwise share a timestamp once a player rounds it to its frame rate
            lastMicros = Math.max(micros, lastMicros == Long.MIN_VALUE ? micros : lastMicros + 1_000_000L / fps);
            return lastMicros;
        }
    }

    private void deliver(CommandRunner.Run run, AccessUnit unit) {
        runner.ifCurrent(run, () -> {
            Consumer<AccessUnit> to = sink;
            if (to == null) {
                return;
            }
            if (unit.keyFrame()) {
                keyFrames.keyFrame(unit);
            }
            to.accept(unit);
            runner.progress(run);
            synchronized (lock) {
                deliveries.record(clock.instant(), CommandRunner.cpuNanos(run.process()));
            }
        });
    }

    /** The command's CPU (user + system, from the kernel) over the last seconds; negative when unknown. */
    @Override
    public double cpuPercent() {
        if (runner.state() != SourceStatus.State.RUNNING) {
            return 0;
        }
        synchronized (lock) {
            return deliveries.cpuPercent();
        }
    }
}
