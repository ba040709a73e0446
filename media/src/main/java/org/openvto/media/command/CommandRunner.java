package org.openvto.media.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openvto.media.video.SourceStatus;

/**
 * One external command kept running while wanted: the process handling the media sources share.
 *
 * <p><b>Failures.</b> Nothing throws. When the process exits (or cannot be executed at all: a missing binary or
 * device) while started, the state is {@code RESTARTING} with the reason and the last non-empty stderr line, and it
 * is started again after a back-off of 1 s, 2 s, 4 s… at most 30 s, reset to 1 s once a process ran for 60 s.
 * {@link #stop} destroys the process and its descendants (gracefully, then forcibly after 2 s).
 *
 * <p><b>Threading.</b> Each process has a reader thread for stdout, which runs the {@link Output} until the stream
 * ends, and one for stderr; restarts and kills run on the scheduler. All public methods may be called from any
 * thread and return at once. {@link #ifCurrent} runs an action under the runner's lock only while that process is
 * the current one: after {@link #stop} returns none runs.
 */
public final class CommandRunner implements AutoCloseable {
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A process that ran this long was healthy: the next failure backs off from the start again. */
    public static final Duration STABLE_RUN = Duration.ofSeconds(60);

    public static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** A running command that makes no {@link #progress} for this long is stuck (a hung driver): killed, restarted. */
    public static final Duration STALL_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration STALL_CHECK = Duration.ofSeconds(2);
    private static final int MAX_DETAIL = 300;

    /** Starts the command's process; the production one is {@link ProcessBuilder}. */
    @FunctionalInterface
    public interface Launcher {
        Process launch(List<String> command) throws IOException;
    }

    /** Reads one process's stdout until it ends; runs on that process's reader thread. */
    @FunctionalInterface
    public interface Output {
        void read(Run run, InputStream stdout) throws IOException;
    }

    /** One process of the command. */
    public record Run(Process process, Instant started) {}

    private final List<String> command;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Launcher launcher;
    private final Executor threads;
    private final Output output;

    private final Object lock = new Object();
    private boolean started;
    private Run current; // the process running now, if any
    private ScheduledFuture<?> pendingRestart;
    private int failures; // consecutive: the back-off exponent
    private long restarts;
    private SourceStatus.State state = SourceStatus.State.IDLE;
    private Instant since;
    private String reason = "";
    private String lastStderr = "";
    private boolean closed;
    // the stall watchdog of the current process
    private long progress;
    private long progressAtCheck;
    private int quietChecks;
    private Run stalled;
    private ScheduledFuture<?> watchdog;

    /**
     * @param ownsScheduler whether {@link #close} shuts the scheduler down
     * @param name names the default threads (see {@link #timer} and {@link #daemonThreads})
     */
    public CommandRunner(
            List<String> command,
            Clock clock,
            ScheduledExecutorService scheduler,
            boolean ownsScheduler,
            Launcher launcher,
            Executor threads,
            Output output) {
        this.command = List.copyOf(command);
        if (this.command.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program");
        }
        this.clock = clock;
        this.scheduler = scheduler;
        this.ownsScheduler = ownsScheduler;
        this.launcher = launcher;
        this.threads = threads;
        this.output = output;
        this.since = clock.instant();
    }

    /** The production launcher: stdin, stdout and stderr are pipes. */
    public static Process processBuilder(List<String> command) throws IOException {
        return new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    /** A one-thread daemon scheduler for restarts and kills. */
    public static ScheduledExecutorService timer(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Platform daemon threads: they block in pipe reads for the whole life of a process. */
    public static Executor daemonThreads(String name) {
        return task -> Thread.ofPlatform().name(name).daemon().start(task);
    }

    public List<String> command() {
        return command;
    }

    /** Runs the command (again) unless started or closed; returns whether it was started now. */
    public boolean start() {
        synchronized (lock) {
            if (closed || started) {
                return false;
            }
            started = true;
            failures = 0;
            launch();
            return true;
        }
    }

    /** Stops wanting the command: no restart, the process tree destroyed; returns whether it was started. */
    public boolean stop() {
        Run stopped;
        synchronized (lock) {
            if (!started) {
                return false;
            }
            started = false;
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
                pendingRestart = null;
            }
            stopped = current;
            current = null; // its reader delivers nothing more, and its exit restarts nothing
            cancelWatchdog();
            reason = "";
            enter(SourceStatus.State.IDLE);
        }
        if (stopped != null) {
            terminate(stopped.process);
        }
        return true;
    }

    /** Runs {@code action} under the runner's lock if {@code run} is still the current process; returns whether. */
    public boolean ifCurrent(Run run, Runnable action) {
        synchronized (lock) {
            if (current != run || !started) {
                return false; // stopped, or a stale process
            }
            action.run();
            return true;
        }
    }

    /** The state, with the reason and the last stderr line as detail. */
    public SourceStatus status(double measuredFps) {
        synchronized (lock) {
            String detail = reason.isEmpty() ? lastStderr : lastStderr.isEmpty() ? reason : reason + ": " + lastStderr;
            return new SourceStatus(
                    state, detail, since, state == SourceStatus.State.RUNNING ? measuredFps : 0, restarts);
        }
    }

    public SourceStatus.State state() {
        synchronized (lock) {
            return state;
        }
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
    public OptionalLong pid() {
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
        progress = 0;
        progressAtCheck = 0;
        quietChecks = 0;
        cancelWatchdog();
        try {
            watchdog = scheduler.scheduleAtFixedRate(
                    () -> watch(run), STALL_CHECK.toNanos(), STALL_CHECK.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException shutDown) {
            // closing: the process is about to be destroyed anyway
        }
    }

    /** The current process delivered something (a picture, an audio frame): it is not stalled. */
    public void progress(Run run) {
        synchronized (lock) {
            if (current == run) {
                progress++;
            }
        }
    }

    /** Under the lock. */
    private void cancelWatchdog() {
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
    }

    /** The stall watchdog: a process without progress for {@link #STALL_TIMEOUT} is terminated; its exit restarts it. */
    private void watch(Run run) {
        synchronized (lock) {
            if (current != run || stalled == run) {
                return;
            }
            if (progress != progressAtCheck) {
                progressAtCheck = progress;
                quietChecks = 0;
                return;
            }
            quietChecks++;
            if (STALL_CHECK.multipliedBy(quietChecks).compareTo(STALL_TIMEOUT) < 0) {
                return;
            }
            stalled = run;
            cancelWatchdog();
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
    public static Duration backoff(int previousFailures) {
        int exponent = Math.min(previousFailures, 5); // 2^5 s is past the cap already
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << exponent);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void restart() {
        synchronized (lock) {
            pendingRestart = null;
            if (!started || closed) {
                return;
            }
            restarts++;
            launch();
        }
    }

    private void readStdout(Run run) {
        try (InputStream in = run.process.getInputStream()) {
            output.read(run, in);
        } catch (IOException closedByStop) {
            // the process was destroyed: its exit is handled below like any other
        }
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
            if (current != run) {
                return; // stopped (or already replaced): nothing to restart
            }
            cancelWatchdog();
            if (stalled == run) {
                why = "wrote nothing for " + STALL_TIMEOUT.toSeconds() + " s (stopped and started again)";
            }
            if (Duration.between(run.started, clock.instant()).compareTo(STABLE_RUN) >= 0) {
                failures = 0;
            }
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

    /** The process's CPU (user + system, from the kernel) so far; negative when unknown. */
    public static long cpuNanos(Process process) {
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
}
