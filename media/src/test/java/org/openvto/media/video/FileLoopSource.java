package org.openvto.media.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openvto.media.h264.AnnexB;

/**
 * Test source: a pre-encoded Annex-B file (one slice per picture, as ffmpeg's libx264 writes it) played in a loop
 * at a fixed rate, starting at its first key frame.
 */
public final class FileLoopSource implements VideoSource {
    private final List<AccessUnit> units = new ArrayList<>();
    private final StreamFormat format;
    private final int fps;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private ScheduledFuture<?> task;
    private long frame;
    public volatile int starts;

    public FileLoopSource(Path file, int width, int height, int fps) throws Exception {
        this.fps = fps;
        byte[] sps = null;
        byte[] pps = null;
        List<byte[]> pending = new ArrayList<>();
        for (byte[] nal : AnnexB.split(Files.readAllBytes(file))) {
            int type = AnnexB.type(nal);
            if (type == 7) {
                sps = nal;
            } else if (type == 8) {
                pps = nal;
            }
            if (type == 9 || type == 6) {
                continue; // AUD, SEI
            }
            pending.add(nal);
            if (type == 1 || type == 5) {
                units.add(new AccessUnit(pending, 0, type == 5, 0));
                pending = new ArrayList<>();
            }
        }
        this.format = new StreamFormat(width, height, fps, sps, pps);
    }

    /** An ffmpeg-encoded test pattern: constrained baseline, one key frame per {@code gop} pictures. */
    public static Path encode(Path dir, int width, int height, int fps, int seconds, int gop) throws Exception {
        return encode(dir, width, height, fps, seconds, gop, "", "1M");
    }

    /**
     * @param filter extra lavfi filters after the pattern, e.g. {@code ,noise=alls=60:allf=t} for large pictures
     * @param bitrate the encoder's target, e.g. {@code 8M}
     */
    public static Path encode(
            Path dir, int width, int height, int fps, int seconds, int gop, String filter, String bitrate)
            throws Exception {
        Path out = dir.resolve("pattern-" + width + "x" + height + "-" + bitrate + ".h264");
        Process p = new ProcessBuilder(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=size=" + width + "x" + height + ":rate=" + fps + filter,
                        "-t",
                        String.valueOf(seconds),
                        "-c:v",
                        "libx264",
                        "-profile:v",
                        "baseline",
                        "-pix_fmt",
                        "yuv420p",
                        "-g",
                        String.valueOf(gop),
                        "-b:v",
                        bitrate,
                        "-x264-params",
                        "slices=1",
                        "-f",
                        "h264",
                        out.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + log);
        }
        return out;
    }

    @Override
    public synchronized void start(Consumer<AccessUnit> sink) {
        starts++;
        task = timer.scheduleAtFixedRate(
                () -> {
                    AccessUnit u = units.get((int) (frame % units.size()));
                    sink.accept(new AccessUnit(u.nals(), frame * 1_000_000L / fps, u.keyFrame(), System.nanoTime()));
                    frame++;
                },
                0,
                1_000_000 / fps,
                TimeUnit.MICROSECONDS);
    }

    @Override
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        frame = frame - frame % units.size() + units.size(); // resume at the loop's key frame
    }

    @Override
    public Optional<StreamFormat> format() {
        return Optional.of(format);
    }

    @Override
    public SourceStatus status() {
        return new SourceStatus(
                task == null ? SourceStatus.State.IDLE : SourceStatus.State.RUNNING,
                "",
                java.time.Instant.EPOCH,
                fps,
                0);
    }

    @Override
    public Optional<byte[]> snapshotJpeg() {
        return Optional.empty();
    }

    @Override
    public void close() {
        stop();
        timer.shutdownNow();
    }
}
