package org.openvto.media.audio;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openvto.media.audio.internal.ALaw;
import org.openvto.media.audio.internal.FanOut;
import org.openvto.media.video.SourceStatus;

/**
 * The PC's microphone: a quiet sine tone (or silence) in pure Java, one 20 ms A-law frame every 20 ms on its
 * scheduler ({@code tone-source} daemon thread by default, injected in tests). The phase runs on across frames and
 * restarts, and frame times increase by exactly 20 ms: a listener hears a clean tone.
 */
public final class ToneSource implements AudioSource {
    private final double hz;
    private final double amplitude;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final FanOut fanOut = new FanOut(this::start, this::stop);
    private final Object lock = new Object();
    private ScheduledFuture<?> task;
    private long frame; // frames produced, for the phase and the timestamps
    private Instant since = Instant.now();
    private boolean closed;

    /** A tone of {@code hz} (0 for silence) at {@code amplitude} of full scale (0..1), on its own thread. */
    public ToneSource(double hz, double amplitude) {
        this(hz, amplitude, timer(), true);
    }

    /** For tests: frames are produced when {@code scheduler} runs its fixed-rate task. */
    public ToneSource(double hz, double amplitude, ScheduledExecutorService scheduler) {
        this(hz, amplitude, scheduler, false);
    }

    private ToneSource(double hz, double amplitude, ScheduledExecutorService scheduler, boolean ownsScheduler) {
        if (hz < 0 || hz >= CLOCK_RATE / 2.0) {
            throw new IllegalArgumentException("tone must be from 0 to 3999 Hz: " + hz);
        }
        if (amplitude < 0 || amplitude > 1) {
            throw new IllegalArgumentException("amplitude must be from 0 to 1: " + amplitude);
        }
        this.hz = hz;
        this.amplitude = amplitude;
        this.scheduler = scheduler;
        this.ownsScheduler = ownsScheduler;
    }

    /** Silence: every sample 0 (A-law {@code 0xD5}). */
    public static ToneSource silence() {
        return new ToneSource(0, 0);
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tone-source");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public Subscription subscribe(Consumer<AudioFrame> listener) {
        return fanOut.subscribe(listener);
    }

    @Override
    public int listeners() {
        return fanOut.size();
    }

    private void start() {
        synchronized (lock) {
            if (closed || task != null) {
                return;
            }
            since = Instant.now();
            task = scheduler.scheduleAtFixedRate(this::tick, 0, FRAME_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    private void stop() {
        synchronized (lock) {
            if (task != null) {
                task.cancel(false);
                task = null;
                since = Instant.now();
            }
        }
    }

    /** The frame after the last one: 160 samples of the tone. */
    AudioFrame next() {
        long n;
        synchronized (lock) {
            n = frame++;
        }
        byte[] out = new byte[FRAME_BYTES];
        long first = n * FRAME_BYTES;
        double step = 2 * Math.PI * hz / CLOCK_RATE;
        for (int i = 0; i < FRAME_BYTES; i++) {
            double phase = ((first + i) * step) % (2 * Math.PI); // exact per sample: no drift over hours
            out[i] = ALaw.encode((int) Math.round(amplitude * 32767 * Math.sin(phase)));
        }
        return new AudioFrame(out, n * FRAME_MICROS);
    }

    private void tick() {
        fanOut.publish(next());
    }

    @Override
    public SourceStatus status() {
        synchronized (lock) {
            return task == null
                    ? new SourceStatus(SourceStatus.State.IDLE, "", since, 0, 0)
                    : new SourceStatus(SourceStatus.State.RUNNING, "", since, 1_000_000.0 / FRAME_MICROS, 0);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        stop();
        fanOut.clear();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }
}
