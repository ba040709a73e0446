package org.openvto.hardware.audio;

import java.util.concurrent.ExecutorService;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.openvto.facade.io.ModuleStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera module's speaker: plays the façade's tones ({@link Tones}) on the host's default audio output when
 * it has one. Without an audio device (a server, a CI machine) nothing is played and {@link #status} says why;
 * the façade still records every sound played, so tests and the virtual façade see it. Sounds play one after
 * the other on one thread; {@link #play} never blocks the caller. Thread-safe.
 */
public final class Speaker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Speaker.class);
    private static final AudioFormat FORMAT = new AudioFormat(Tones.SAMPLE_RATE, 16, 1, true, false);

    /** At most 4 sounds waiting: a visitor pressing a key again and again does not queue minutes of tones. */
    private final ExecutorService player = new java.util.concurrent.ThreadPoolExecutor(
            1,
            1,
            0,
            java.util.concurrent.TimeUnit.SECONDS,
            new java.util.concurrent.ArrayBlockingQueue<>(4),
            Thread.ofPlatform().name("speaker").daemon().factory(),
            new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());

    /** Counts sounds played, so a repeating sound knows when a newer one replaced it. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private volatile ModuleStatus status = ModuleStatus.offline("looking for an audio output");

    /** Looks for the audio output on the speaker's own thread: Java Sound's start-up must not delay the VTO's. */
    public Speaker() {
        player.execute(() -> {
            status = probe();
            LOG.info("Speaker: {}", status);
        });
    }

    private static ModuleStatus probe() {
        try {
            return AudioSystem.isLineSupported(new javax.sound.sampled.DataLine.Info(SourceDataLine.class, FORMAT))
                    ? ModuleStatus.ONLINE
                    : ModuleStatus.offline("no audio output on this host: sounds are recorded, not played");
        } catch (RuntimeException e) {
            return ModuleStatus.offline("no audio output on this host (" + e.getMessage() + ")");
        }
    }

    public ModuleStatus status() {
        return status;
    }

    /**
     * Queues the tone {@code name} (unknown names are ignored: the façade has recorded them). The {@code alarm}
     * repeats until the next sound ({@code silence} ends it): it rings for as long as the alarm sounder says.
     */
    public void play(String name) {
        long mine = generation.incrementAndGet(); // any new sound ends a repeating one
        boolean repeats = name.equals("alarm");
        Tones.pcm(name)
                .ifPresent(pcm -> player.execute(() -> {
                    do {
                        if (!status.online()) {
                            return;
                        }
                        write(pcm);
                    } while (repeats
                            && generation.get() == mine
                            && !Thread.currentThread().isInterrupted());
                }));
    }

    private static void write(byte[] pcm) {
        try (SourceDataLine line = AudioSystem.getSourceDataLine(FORMAT)) {
            line.open(FORMAT);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } catch (LineUnavailableException | RuntimeException e) {
            LOG.warn("Speaker: could not play ({})", e.getMessage());
        }
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
