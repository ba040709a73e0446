package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;

/**
 * Local Setting › Video &amp; Audio through {@code /api/v1/video}, seen by real players: a save is live without
 * dropping viewers, a save that changes nothing restarts nothing, bad input changes nothing, settings survive a
 * restart; and the external-encoder source with Debian's ffmpeg generating a test pattern, restarted after the
 * command is killed.
 */
class VideoIT {
    static final String PASSWORD = RtspIT.PASSWORD;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path init() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        return data;
    }

    private static final DigestClient API = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);

    private static JsonNode get(VtoProcess vto, String path) throws Exception {
        var r = API.send(vto.baseUrl(), "GET", path, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static final long T0 = System.nanoTime();

    private static void step(String what) {
        System.err.printf("VideoIT %6d ms %s%n", (System.nanoTime() - T0) / 1_000_000, what);
    }

    private static JsonNode put(VtoProcess vto, String json, int expected) throws Exception {
        step("PUT " + json);
        var r = API.send(vto.baseUrl(), "PUT", "/api/v1/video", json);
        assertThat(r.statusCode()).as(json + " → " + r.body()).isEqualTo(expected);
        return JSON.readTree(r.body());
    }

    private static JsonNode stream(VtoProcess vto, String name) throws Exception {
        for (JsonNode s : get(vto, "/api/v1/video/status").get("streams")) {
            if (s.get("stream").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no stream " + name);
    }

    private static JsonNode awaitStream(VtoProcess vto, String name, Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode s = stream(vto, name);
        while (!until.test(s)) {
            assertThat(System.nanoTime()).as("stream " + name + " now: " + s).isLessThan(deadline);
            Thread.sleep(200);
            s = stream(vto, name);
        }
        return s;
    }

    static String probe(String url) throws Exception {
        step("probe " + url);
        return RtspIT.probeOrFailure(url);
    }

    /** An ffmpeg player decoding {@code frames} pictures of {@code url} over TCP, on its own thread. */
    static CompletableFuture<RtspIT.Run> viewer(String url, int frames) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        var r = org.openvto.testkit.peers.Commands.decode(url, frames);
                        return new RtspIT.Run(r.exit(), r.output());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                RtspIT.THREADS);
    }

    private static String jpegSize(VtoProcess vto, String stream) throws Exception {
        var jpeg = API.getBytes(vto.baseUrl(), "/api/v1/snapshot?stream=" + stream);
        assertThat(jpeg.statusCode()).isEqualTo(200);
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg.body()));
        return image.getWidth() + "x" + image.getHeight();
    }

    @Test
    void aSaveIsLiveWithoutDroppingViewersAnUnchangedSaveRestartsNothingAndBadInputChangesNothing() throws Exception {
        Path data = init();
        JsonNode saved;
        try (VtoProcess vto = new VtoProcess(data, "VideoIT-settings").start()) {
            JsonNode factory = get(vto, "/api/v1/video");
            assertThat(factory.get("source").asText()).isEqualTo("test-camera");
            assertThat(factory.get("main").get("width").asInt()).isEqualTo(640);
            assertThat(factory.get("maxStreams").asInt()).isEqualTo(6);
            assertThat(factory.get("commandsAllowed").asBoolean()).isFalse();
            assertThat(stream(vto, "main").get("state").asText())
                    .as("nobody watches: nothing is encoded")
                    .isEqualTo("idle");

            String main = vto.rtspUrl("admin:" + PASSWORD, "/cam/realmonitor?channel=1&subtype=0");
            var watching = viewer(main, 200);
            JsonNode running = awaitStream(
                    vto,
                    "main",
                    s -> s.get("state").asText().equals("running")
                            && s.get("measuredFps").asDouble() > 5);
            String since = running.get("since").asText();
            assertThat(running.get("cpuPercent").asDouble()).isPositive().isLessThan(100);

            put(vto, JSON.writeValueAsString(factory), 200);
            put(vto, "{\"relayPassword\":\"\"}", 200);
            assertThat(stream(vto, "main").get("since").asText())
                    .as("a save that changes nothing leaves the stream running")
                    .isEqualTo(since);

            JsonNode rejected = put(
                    vto,
                    "{\"main\":{\"width\":641},\"maxStreams\":0,\"source\":\"command\",\"mainCommand\":\"ffmpeg -i x\","
                            + "\"relayMainUrl\":\"http://cam\"}",
                    400);
            assertThat(rejected.toString()).contains("main.width", "maxStreams", "mainCommand", "video.allow-commands");
            assertThat(get(vto, "/api/v1/video")).as("nothing changed").isEqualTo(factory);
            assertThat(stream(vto, "main").get("since").asText()).isEqualTo(since);

            put(vto, "{\"sub\":{\"width\":352,\"height\":288}}", 200);
            awaitStream(vto, "sub", s -> s.get("width").asInt() == 352); // applied just after the answer
            assertThat(probe(vto.rtspUrl("admin:" + PASSWORD, "/live/sub"))).isEqualTo("352,288");
            assertThat(jpegSize(vto, "sub")).isEqualTo("352x288");
            assertThat(stream(vto, "main").get("since").asText())
                    .as("only the stream that changed gets a new source")
                    .isEqualTo(since);

            put(vto, "{\"main\":{\"width\":480,\"height\":270,\"fps\":15}}", 200);
            awaitStream(vto, "main", s -> s.get("width").asInt() == 480);
            assertThat(jpegSize(vto, "main")).isEqualTo("480x270");
            var viewerRun = watching.get();
            assertThat(viewerRun.exit())
                    .as("the viewer stayed connected through the change: " + viewerRun.output())
                    .isZero();
            assertThat(probe(main)).isEqualTo("480,270");

            put(vto, "{\"audio\":\"tone\"}", 200);
            var codecs = org.openvto.testkit.peers.Commands.run(
                    Duration.ofSeconds(60),
                    "ffprobe",
                    "-v",
                    "error",
                    "-rtsp_transport",
                    "tcp",
                    "-show_entries",
                    "stream=codec_name,sample_rate",
                    "-of",
                    "csv=p=0",
                    main);
            assertThat(codecs.output()).as("the G.711 track of the tone source").contains("h264", "pcm_alaw,8000");
            var audio = org.openvto.testkit.peers.Commands.run(
                    Duration.ofSeconds(60),
                    "ffmpeg",
                    "-v",
                    "error",
                    "-rtsp_transport",
                    "tcp",
                    "-i",
                    main,
                    "-map",
                    "0:a",
                    "-t",
                    "2",
                    "-f",
                    "null",
                    "-");
            assertThat(audio.exit()).as(audio.output()).isZero();
            put(vto, "{\"audio\":\"none\"}", 200);

            var holding = viewer(main, 150);
            awaitStream(vto, "main", s -> s.get("viewers").asInt() == 1);
            put(vto, "{\"maxStreams\":1}", 200);
            assertThat(probe(vto.rtspUrl("admin:" + PASSWORD, "/live/sub")))
                    .as("the new limit applies to the next stream")
                    .contains("453");
            assertThat(holding.get().exit()).isZero();
            saved = get(vto, "/api/v1/video");
        }
        try (VtoProcess vto = new VtoProcess(data, "VideoIT-settings").start()) {
            assertThat(get(vto, "/api/v1/video")).as("kept across a restart").isEqualTo(saved);
            assertThat(jpegSize(vto, "main")).isEqualTo("480x270");
        }
    }

    @Test
    void theExternalEncoderStreamsFfmpegsTestPatternAndIsRestartedAfterItIsKilled() throws Exception {
        Path data = init();
        try (VtoProcess vto =
                new VtoProcess(data, "VideoIT-command", Map.of("OPENVTO_VIDEO_ALLOW_COMMANDS", "true")).start()) {
            String marker = "testsrc=size=400x224:rate=10"; // unique: finds this test's encoder among processes
            String command = "ffmpeg -hide_banner -loglevel error -re -f lavfi -i " + marker
                    + " -c:v libx264 -profile:v baseline -tune zerolatency -g 10 -pix_fmt yuv420p -f h264 -";
            put(vto, JSON.writeValueAsString(Map.of("source", "command", "mainCommand", command)), 200);
            String main = vto.rtspUrl("admin:" + PASSWORD, "/cam/realmonitor?channel=1&subtype=0");
            var r = viewer(main, 100).get();
            assertThat(r.output()).isEmpty();
            assertThat(r.exit()).isZero();
            assertThat(probe(main)).isEqualTo("400,224");
            assertThat(probe(vto.rtspUrl("admin:" + PASSWORD, "/live/sub")))
                    .as("no sub command: the sub stream shows the main stream")
                    .isEqualTo("400,224");
            var watching = viewer(main, 150);
            JsonNode running =
                    awaitStream(vto, "main", s -> s.get("state").asText().equals("running"));
            assertThat(running.get("source").asText()).isEqualTo("command: ffmpeg");
            assertThat(running.get("restarts").asInt())
                    .as("an encoder writing pictures for well over the stall timeout is left alone")
                    .isZero();
            assertThat(jpegSize(vto, "main")).isEqualTo("400x224");

            List<ProcessHandle> encoders = vto.handle()
                    .descendants()
                    .filter(p -> p.info()
                            .arguments()
                            .map(a -> List.of(a).contains(marker))
                            .orElse(false))
                    .toList();
            assertThat(encoders).hasSize(1);
            encoders.getFirst().destroyForcibly();
            JsonNode restarted = awaitStream(
                    vto,
                    "main",
                    s -> s.get("restarts").asInt() >= 1
                            && s.get("state").asText().equals("running"));
            assertThat(restarted.get("source").asText()).isEqualTo("command: ffmpeg");
            var afterKill = viewer(main, 30).get();
            assertThat(afterKill.exit()).as(afterKill.output()).isZero();
            watching.get(); // the viewer that kept the encoder wanted through the kill (its gap may show as errors)
        }
    }

    @Test
    void anotherDoorStationsCameraIsRelayedWithDigestAndAWrongPasswordIsShown() throws Exception {
        Path cameraData = dir.resolve("camera");
        assertThat(VtoProcess.cli("init", "--data-dir", cameraData.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        Path data = init();
        try (VtoProcess camera = new VtoProcess(cameraData, "VideoIT-camera").start();
                VtoProcess vto = new VtoProcess(data, "VideoIT-relay").start()) {
            String upstream = camera.rtspUrl("", "/cam/realmonitor?channel=1&subtype=");
            put(
                    vto,
                    JSON.writeValueAsString(Map.of(
                            "source",
                            "relay",
                            "relayMainUrl",
                            upstream + "0",
                            "relaySubUrl",
                            upstream + "1",
                            "relayUsername",
                            "admin",
                            "relayPassword",
                            PASSWORD)),
                    200);
            JsonNode settings = get(vto, "/api/v1/video");
            assertThat(settings.get("relayPasswordSet").asBoolean()).isTrue();
            assertThat(settings.toString()).doesNotContain(PASSWORD);

            String main = vto.rtspUrl("admin:" + PASSWORD, "/cam/realmonitor?channel=1&subtype=0");
            var r = viewer(main, 100).get();
            assertThat(r.output()).isEmpty();
            assertThat(r.exit()).isZero();
            assertThat(probe(main)).isEqualTo("640,360");
            assertThat(probe(vto.rtspUrl("admin:" + PASSWORD, "/live/sub"))).isEqualTo("320,180");
            var watching = viewer(main, 100);
            JsonNode running =
                    awaitStream(vto, "main", s -> s.get("state").asText().equals("running"));
            assertThat(running.get("source").asText()).isEqualTo("relay: 127.0.0.1");
            assertThat(jpegSize(vto, "main")).isEqualTo("640x360");
            watching.get();

            put(vto, "{\"relayPassword\":\"Not-the-password1\"}", 200);
            var refused = viewer(vto.rtspUrl("admin:" + PASSWORD, "/live/main"), 10);
            JsonNode shown =
                    awaitStream(vto, "main", s -> s.get("detail").asText().contains("401"));
            assertThat(shown.get("state").asText()).isEqualTo("restarting");
            assertThat(shown.get("detail").asText()).contains("wrong user or password");
            refused.cancel(true);
        }
    }
}
