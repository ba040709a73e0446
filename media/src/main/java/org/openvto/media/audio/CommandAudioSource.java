package org.openvto.media.audio;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.openvto.media.audio.internal.ALaw;
import org.openvto.media.audio.internal.FanOut;
import org.openvto.media.command.CommandRunner;
import org.openvto.media.video.SourceStatus;

/**
 * A board's microphone through an external capture command writing 8 kHz mono to stdout, either G.711 A-law
 * ({@link Format#ALAW}, e.g. {@code ffmpeg -f alsa -i default -ar 8000 -ac 1 -f alaw -}) or 16-bit little-endian
 * PCM ({@link Format#S16LE}, e.g. {@code arecord -f S16_LE -r 8000 -c 1 -t raw}), which is encoded here. The
 * command is paced by its device: a frame is published each time 20 ms of samples have been read.
 *
 * <p>The process runs while there are listeners; failures, back-off restarts, the status and killing the process
 * tree are {@link CommandRunner}'s, as for the video {@code CommandSource}. Frame times increase by 20 ms a frame and
 * go on across restarts.
 */
public final class CommandAudioSource implements AudioSource {
    /** What the command writes. */
    public enum Format {
        /** G.711 A-law bytes, one a sample. */
        ALAW,
        /** Signed 16-bit little-endian samples. */
        S16LE
    }

    private final Format format;
    private final CommandRunner runner;
    private final FanOut fanOut;
    private final Object lock = new Object();
    private long frames; // published, for the timestamps
    private volatile long lastFrameNanos;

    public CommandAudioSource(List<String> command, Format format) {
        this(
                command,
                format,
                Clock.systemDefaultZone(),
                CommandRunner.timer("audio-command-timer"),
                true,
                CommandRunner::processBuilder,
                CommandRunner.daemonThreads("audio-command"));
    }

    /** For tests: an injected clock, scheduler (restarts, kills), process launcher and reader-thread executor. */
    public CommandAudioSource(
            List<String> command,
            Format format,
            Clock clock,
            ScheduledExecutorService scheduler,
            CommandRunner.Launcher launcher,
            Executor threads) {
        this(command, format, clock, scheduler, false, launcher, threads);
    }

    private CommandAudioSource(
            List<String> command,
            Format format,
            Clock clock,
            ScheduledExecutorService scheduler,
            boolean ownsScheduler,
            CommandRunner.Launcher launcher,
            Executor threads) {
        this.format = format;
        this.runner = new CommandRunner(command, clock, scheduler, ownsScheduler, launcher, threads, this::read);
        this.fanOut = new FanOut(runner::start, runner::stop);
    }

    public List<String> command() {
        return runner.command();
    }

    @Override
    public Subscription subscribe(Consumer<AudioFrame> listener) {
        return fanOut.subscribe(listener);
    }

    @Override
    public int listeners() {
        return fanOut.size();
    }

    /** One process's stdout, on its reader thread: whole frames only (a partial last one is dropped). */
    private void read(CommandRunner.Run run, InputStream in) throws IOException {
        int frameBytes = format == Format.ALAW ? FRAME_BYTES : 2 * FRAME_BYTES;
        byte[] buffer = new byte[frameBytes];
        while (in.readNBytes(buffer, 0, frameBytes) == frameBytes) {
            byte[] alaw;
            if (format == Format.ALAW) {
                alaw = buffer.clone();
            } else {
                alaw = new byte[FRAME_BYTES];
                ALaw.encodeS16le(buffer, 0, alaw, FRAME_BYTES);
            }
            runner.ifCurrent(run, () -> {
                long n;
                synchronized (lock) {
                    n = frames++;
                }
                lastFrameNanos = System.nanoTime();
                fanOut.publish(new AudioFrame(alaw, n * FRAME_MICROS));
                runner.progress(run);
            });
        }
    }

    @Override
    public SourceStatus status() {
        boolean flowing = System.nanoTime() - lastFrameNanos < 1_000_000_000L;
        return runner.status(flowing ? 1_000_000.0 / FRAME_MICROS : 0);
    }

    /** The running process's id, for tests and diagnostics. */
    public OptionalLong pid() {
        return runner.pid();
    }

    @Override
    public void close() {
        runner.close();
        fanOut.clear();
    }
}
