package org.openvto.media.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * it completes, in microseconds, kept strictly increasing across restarts. {@link #format()} is known after the
 * first key frame (size from the SPS; fps as configured, the stream does not say).
 *
 * <p><b>Failures.</b> Nothing throws. When the process exits (or cannot be executed at all: a missing binary or
 * device) while started, the state is {@code RESTARTING} with the reason and the last non-empty stderr line, and it
 * is started again after a back-off of 1 s, 2 s, 4 s… at most 30 s, reset to 1 s once a process ran for 60 s. A
 * process that is alive but writes no picture for {@link #STALL_TIMEOUT} (a hung driver) is terminated by a watchdog
 * and restarted the same way, its status saying so.
 * {@link #stop} destroys the process and its descendants (gracefully, then forcibly after 2 s).
 *
 * <p><b>Threading.</b> Each process has a reader thread for stdout (the producer: units reach the sink on it, one
 * process at a time) and one for stderr; restarts and kills run on the scheduler. All public methods may be called
 * from any thread and return at once; after {@link #stop} returns no unit reaches the sink.
 *
 * <p><b>Snapshots</b> decode the latest key frame with JCodec (baseline/main CAVLC or CABAC); empty before one, or
 * when JCodec cannot decode the stream.
 */
public final class CommandSource implements VideoSource {
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A process that ran this long was healthy: the next failure backs off from the start again. */
    static final Duration STABLE_RUN = Duration.ofSeconds(60);

    static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** A running command that writes no picture for this long is stuck (a hung camera driver): killed, restarted. */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration STALL_CHECK = Duration.ofSeconds(2);
    private static final Duration FPS_WINDOW = Duration.ofSeconds(2);
    private static final int MAX_DETAIL = 300;

    /** Starts the command's process; the production one is {@link ProcessBuilder}. */
    @FunctionalInterface
    public interface Launcher {
        Process launch(List<String> command) throws IOException;
    }

    private final List<String> command;
    private final int fps;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Launcher launcher;
    private final Executor threads;

    private final Object lock = new Object();
    private Consumer<AccessUnit> sink; // null while stopped
    private Run current; // the process running now, if any
    private ScheduledFuture<?> pendingRestart;
    private int failures; // consecutive: the back-off exponent
    private long restarts;
    private SourceStatus.State state = SourceStatus.State.IDLE;
    private Instant since;
    private String reason = "";
    private String lastStderr = "";
    private final KeyFrames keyFrames;
    private long lastMicros = Long.MIN_VALUE;
    private final RateMeter deliveries = new RateMeter(FPS_WINDOW);
    private boolean closed;

    /**
     * A source running {@code command} with the system clock and its own daemon threads.
     *
     * @param fps the nominal frame rate the command produces (for {@link StreamFormat}; not enforced)
     */
    public CommandSource(List<String> command, int fps) {
        this(command, fps, Clock.systemDefaultZone(), timer(), true, CommandSource::processBuilder, daemonThreads());
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
            Launcher launcher,
            Executor threads) {
        this.command = List.copyOf(command);
        if (this.command.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program");
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("fps must be 1..60: " + fps);
        }
        this.fps = fps;
        this.keyFrames = new KeyFrames(fps);
        this.clock = clock;
        this.scheduler = scheduler;
        this.ownsScheduler = ownsScheduler;
        this.launcher = launcher;
        this.threads = threads;
        this.since = clock.instant();
    }

    private static Process processBuilder(List<String> command) throws IOException {
        return new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "command-source-timer");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static Executor daemonThreads() {
        // platform threads: they block in pipe reads for the whole life of a process
        return task -> Thread.ofPlatform().name("command-source").daemon().start(task);
    }

    public List<String> command() {
        return command;
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
            launch();
        }
    }

    @Override
    public void stop() {
        Run stopped;
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
            current = null; // its reader delivers nothing more, and its exit restarts nothing
            if (stopped != null && stopped.watchdog != null) {
                stopped.watchdog.cancel(false);
            }
            deliveries.clear();
            reason = "";
            enter(SourceStatus.State.IDLE);
        }
        if (stopped != null) {
            terminate(stopped.process);
        }
    }

    @Override
    public Optional<StreamFormat> format() {
        return keyFrames.format();
    }

    @Override
    public SourceStatus status() {
        synchronized (lock) {
            String detail = reason.isEmpty() ? lastStderr : lastStderr.isEmpty() ? reason : reason + ": " + lastStderr;
            return new SourceStatus(state, detail, since, measuredFps(), restarts);
        }
    }

    @Override
    public Optional<byte[]> snapshotJpeg() {
        return keyFrames.snapshotJpeg();
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        stop();
        if (ownsScheduler) {
            scheduler.shutdown(); // pending forcible kills still run
        }
    }

    /** The running process's id, for tests and diagnostics. */
    OptionalLong pid() {
        synchronized (lock) {
            if (current == null) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(current.process.pid());
            } catch (UnsupportedOperationException fake) {
                return OptionalLong.empty();
            }
        }
    }

    /** Runs the command; under the lock. A command that cannot start is a failure like an exit. */
    private void launch() {
        Process process;
        try {
            process = launcher.launch(command);
        } catch (IOException | RuntimeException e) {
            failed("cannot run " + command.getFirst() + ": " + e.getMessage());
            return;
        }
        Run run = new Run(process, clock.instant());
        current = run;
        reason = "";
        lastStderr = "";
        enter(SourceStatus.State.RUNNING);
        try {
            process.getOutputStream().close(); // the command gets no input: EOF at once, never a blocked write
        } catch (IOException ignored) {
            // nothing to close
        }
        threads.execute(() -> readStderr(run));
        threads.execute(() -> readStdout(run));
        try {
            run.watchdog = scheduler.scheduleAtFixedRate(
                    () -> watch(run), STALL_CHECK.toNanos(), STALL_CHECK.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException shutDown) {
            // closing: the process is about to be destroyed anyway
        }
    }

    /** The stall watchdog: a process that delivers nothing for {@link #STALL_TIMEOUT} is terminated; its exit restarts it. */
    private void watch(Run run) {
        synchronized (lock) {
            if (current != run) {
                run.watchdog.cancel(false);
                return;
            }
            if (run.pictures != run.picturesAtCheck) {
                run.picturesAtCheck = run.pictures;
                run.quietChecks = 0;
                return;
            }
            run.quietChecks++;
            if (run.stalled || STALL_CHECK.multipliedBy(run.quietChecks).compareTo(STALL_TIMEOUT) < 0) {
                return;
            }
            run.stalled = true;
            run.watchdog.cancel(false);
        }
        terminate(run.process); // its reader then sees the end of the output and reports the exit
    }

    /** Under the lock: RESTARTING, and a restart after the back-off. */
    private void failed(String why) {
        current = null;
        reason = why;
        enter(SourceStatus.State.RESTARTING);
        Duration delay = backoff(failures);
        failures++;
        try {
            pendingRestart = scheduler.schedule(this::restart, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException shutDown) {
            reason = why + " (no restart: closed)";
            enter(SourceStatus.State.FAILED);
        }
    }

    /** 1 s, 2 s, 4 s… after the 1st, 2nd, 3rd consecutive failure, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int previousFailures) {
        int exponent = Math.min(previousFailures, 5); // 2^5 s is past the cap already
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << exponent);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void restart() {
        synchronized (lock) {
            pendingRestart = null;
            if (sink == null || closed) {
                return;
            }
            restarts++;
            launch();
        }
    }

    private void readStdout(Run run) {
        AccessUnitAssembler units = new AccessUnitAssembler(unit -> deliver(run, unit), this::nextMicros);
        AnnexBReader reader = new AnnexBReader(units::nal);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = run.process.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                reader.feed(buffer, 0, n);
            }
        } catch (IOException closedByStop) {
            // the process was destroyed: its exit is handled below like any other
        }
        reader.finish();
        units.flush();
        exited(run);
    }

    private void readStderr(Run run) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(run.process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty()) {
                    String kept = trimmed.length() > MAX_DETAIL ? trimmed.substring(0, MAX_DETAIL) : trimmed;
                    synchronized (lock) {
                        if (current == run || current == null) { // a stale process's line must not replace a new one's
                            lastStderr = kept;
                        }
                    }
                }
            }
        } catch (IOException closed) {
            // process gone
        }
    }

    private long nextMicros() {
        synchronized (lock) {
            Instant now = clock.instant();
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
            lastMicros = Math.max(micros, lastMicros == Long.MIN_VALUE ? micros : lastMicros + 1);
            return lastMicros;
        }
    }

    private void deliver(Run run, AccessUnit unit) {
        synchronized (lock) {
            if (current != run || sink == null) {
                return; // stopped, or a stale process
            }
            run.pictures++;
            if (unit.keyFrame()) {
                keyFrames.keyFrame(unit);
            }
            sink.accept(unit);
            deliveries.record(clock.instant(), cpuNanos(run.process));
        }
    }

    /** The process's stdout ended: reap it, and restart if it was not stopped. */
    private void exited(Run run) {
        String why;
        try {
            if (run.process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                why = "exited with code " + run.process.exitValue();
            } else {
                why = "closed its output";
                terminate(run.process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        synchronized (lock) {
            if (run.watchdog != null) {
                run.watchdog.cancel(false);
            }
            if (current != run) {
                return; // stopped (or already replaced): nothing to restart
            }
            if (run.stalled) {
                why = "wrote no picture for " + STALL_TIMEOUT.toSeconds() + " s (stopped and started again)";
            }
            if (Duration.between(run.started, clock.instant()).compareTo(STABLE_RUN) >= 0) {
                failures = 0;
            }
            deliveries.clear();
            failed(why);
        }
    }

    /** Destroys {@code process} and its descendants: politely, then forcibly after {@link #KILL_GRACE}. */
    private void terminate(Process process) {
        List<ProcessHandle> descendants;
        try {
            descendants = process.descendants().toList(); // before the parent dies and they are re-parented
        } catch (UnsupportedOperationException fake) {
            descendants = List.of();
        }
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        List<ProcessHandle> children = descendants;
        try {
            scheduler.schedule(
                    () -> {
                        if (process.isAlive()) {
                            process.destroyForcibly();
                        }
                        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
                    },
                    KILL_GRACE.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RuntimeException shutDown) { // closing: no timer left, so no grace either
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private double measuredFps() {
        return state == SourceStatus.State.RUNNING ? deliveries.perSecond() : 0;
    }

    /** The command's CPU (user + system, from the kernel) over the last seconds; negative when unknown. */
    @Override
    public double cpuPercent() {
        synchronized (lock) {
            return state == SourceStatus.State.RUNNING ? deliveries.cpuPercent() : 0;
        }
    }

    private static long cpuNanos(Process process) {
        try {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        } catch (UnsupportedOperationException noHandle) { // a Process that is not an OS process
            return -1;
        }
    }

    private void enter(SourceStatus.State next) {
        if (state != next) {
            state = next;
            since = clock.instant();
        }
    }

    /** One process of the command; the counters are guarded by the source's lock. */
    private static final class Run {
        final Process process;
        final Instant started;
        long pictures; // delivered by this process
        long picturesAtCheck;
        int quietChecks; // consecutive watchdog checks without a new picture
        boolean stalled;
        ScheduledFuture<?> watchdog;

        Run(Process process, Instant started) {
            this.process = process;
            this.started = started;
        }
    }
}
