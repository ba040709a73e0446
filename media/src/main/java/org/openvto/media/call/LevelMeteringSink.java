package org.openvto.media.call;

import java.util.ArrayDeque;

/**
 * The loudspeaker of a PC: plays nothing, but keeps the level of the last second of audio (the last 8,000 samples)
 * — its peak and RMS in dBFS, 0 dBFS being a full-scale 16-bit sample — and counts what it was given, so a status
 * page or a test can tell that the other party is heard. Thread-safe: fed by the call's scheduler, read by anyone.
 */
public final class LevelMeteringSink implements AudioSink {
    /** One second at 8,000 Hz. */
    static final int WINDOW = 8000;

    private static final double FULL_SCALE = 32768.0;

    /** What was heard over the last second. Levels are {@link Double#NEGATIVE_INFINITY} for digital silence. */
    public record Level(double peakDbfs, double rmsDbfs, long frames, long lostFrames) {}

    private record Chunk(int samples, int peak, double sumOfSquares) {}

    private final ArrayDeque<Chunk> window = new ArrayDeque<>();
    private int windowSamples;
    private long frames;
    private long lost;

    @Override
    public synchronized void play(short[] samples) {
        int peak = 0;
        double sum = 0;
        for (short s : samples) {
            peak = Math.max(peak, Math.abs(s));
            sum += (double) s * s;
        }
        add(new Chunk(samples.length, peak, sum));
        frames++;
    }

    @Override
    public synchronized void lost(int samples) {
        add(new Chunk(samples, 0, 0)); // nothing was heard for that long
        lost++;
    }

    private void add(Chunk chunk) {
        window.addLast(chunk);
        windowSamples += chunk.samples();
        while (windowSamples - window.peekFirst().samples() >= WINDOW) {
            windowSamples -= window.removeFirst().samples();
        }
    }

    public synchronized Level level() {
        int peak = 0;
        double sum = 0;
        for (Chunk c : window) {
            peak = Math.max(peak, c.peak());
            sum += c.sumOfSquares();
        }
        double rms = windowSamples == 0 ? 0 : Math.sqrt(sum / windowSamples);
        return new Level(dbfs(peak), dbfs(rms), frames, lost);
    }

    private static double dbfs(double amplitude) {
        return amplitude == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(amplitude / FULL_SCALE);
    }
}
