package org.openvto.testkit.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a peer's command line to completion (ffmpeg, ffprobe, gst-launch-1.0), its output read on a virtual thread. */
public final class Commands {
    private Commands() {}

    /** Exit code and combined stdout and stderr. */
    public record Result(int exit, String output) {}

    /** Runs {@code command} with no input; a command still running after {@code timeout} is killed and fails. */
    public static Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        // never the common pool: on two cores it has one thread, which a concurrent run would hold
        var out = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return e.toString();
                    }
                },
                r -> Thread.ofVirtual().name("command-output").start(r));
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s");
        }
        return new Result(p.exitValue(), out.join());
    }

    /** ffprobe over interleaved TCP: {@code width,height} of the video in {@code output} when {@code exit} is 0. */
    public static Result videoSize(String rtspUrl) throws IOException, InterruptedException {
        return run(
                Duration.ofSeconds(90),
                "ffprobe",
                "-v",
                "error",
                "-rtsp_transport",
                "tcp",
                "-select_streams",
                "v",
                "-show_entries",
                "stream=width,height",
                "-of",
                "csv=p=0",
                rtspUrl);
    }

    /** ffmpeg decoding {@code frames} pictures of {@code rtspUrl} over TCP, reporting only errors. */
    public static Result decode(String rtspUrl, int frames) throws IOException, InterruptedException {
        return run(
                Duration.ofSeconds(90),
                "ffmpeg",
                "-v",
                "error",
                "-rtsp_transport",
                "tcp",
                "-i",
                rtspUrl,
                "-frames:v",
                String.valueOf(frames),
                "-f",
                "null",
                "-");
    }
}
