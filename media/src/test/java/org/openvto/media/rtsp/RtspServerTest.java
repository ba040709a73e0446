package org.openvto.media.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.FileLoopSource;
import org.openvto.media.video.StreamKind;
import org.openvto.media.video.StreamSlots;

/** The RTSP server against Debian's ffmpeg and ffprobe as clients, over UDP and interleaved TCP. */
class RtspServerTest {
    @TempDir
    Path dir;

    private RtspServer server;
    private EncodedStream main;
    private EncodedStream sub;
    private final StreamSlots slots = new StreamSlots(6);

    @BeforeEach
    void start() throws Exception {
        main = new EncodedStream(new FileLoopSource(FileLoopSource.encode(dir, 640, 360, 25, 2, 25), 640, 360, 25));
        sub = new EncodedStream(new FileLoopSource(FileLoopSource.encode(dir, 320, 180, 25, 2, 25), 320, 180, 25));
        RtspAuthenticator allowAll =
                (m, u, a, r) -> CompletableFuture.completedFuture(new RtspAuthenticator.Decision.Allowed("admin"));
        server = new RtspServer(
                new RtspServer.Settings("127.0.0.1", 0, 0, 60, 32, "Front door"),
                kind -> kind == StreamKind.MAIN ? main : sub,
                allowAll,
                slots,
                Clock.systemUTC());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        main.close();
        sub.close();
    }

    private String url(String path) {
        return "rtsp://127.0.0.1:" + server.port() + path;
    }

    @Test
    void ffmpegDecodesAHundredFramesOverTcpAndUdp() throws Exception {
        for (String transport : List.of("tcp", "udp")) {
            var run = run(
                    "ffmpeg",
                    "-v",
                    "error",
                    "-rtsp_transport",
                    transport,
                    "-i",
                    url("/cam/realmonitor?channel=1&subtype=0"),
                    "-frames:v",
                    "100",
                    "-f",
                    "null",
                    "-");
            assertThat(run.getValue()).as(transport).isEmpty();
            assertThat(run.getKey()).as(transport + " " + run.getValue()).isZero();
        }
        assertThat(slots.used()).as("every slot released after TEARDOWN").isZero();
    }

    @Test
    void ffprobeSeesEachStreamAtItsResolution() throws Exception {
        assertThat(probe("/cam/realmonitor?channel=1&subtype=0&unicast=true&proto=Onvif"))
                .isEqualTo("640,360");
        assertThat(probe("/cam/realmonitor?channel=1&subtype=1")).isEqualTo("320,180");
        assertThat(probe("/live/main")).isEqualTo("640,360");
        assertThat(probe("/live/sub")).isEqualTo("320,180");
    }

    @Test
    void unknownPathsAre404() throws Exception {
        var run = run("ffprobe", "-v", "error", url("/cam/realmonitor?channel=2&subtype=0"));
        assertThat(run.getValue()).contains("404");
    }

    private String probe(String path) throws Exception {
        var run = run(
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
                url(path));
        assertThat(run.getKey()).as(run.getValue()).isZero();
        return run.getValue().strip();
    }

    /** Exit code and combined output. */
    static Map.Entry<Integer, String> run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        var out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
        }
        return Map.entry(p.exitValue(), out.get());
    }
}
