package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick Start Guide 1.2 "Be monitored": the built-in test camera through the VTO's RTSP server, read by Debian's
 * ffprobe, ffmpeg and GStreamer at the URLs Dahua clients use, with the device account's Digest credentials.
 */
class RtspIT {
    static final String PASSWORD = "Door-Bell42x";

    @TempDir
    Path dir;

    @Test
    void playersDecodeTheCameraWithDigestCredentialsOverUdpAndTcp() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (VtoProcess vto = new VtoProcess(data, "RtspIT").start()) {
            String user = "admin:" + PASSWORD;
            String main = vto.rtspUrl(user, "/cam/realmonitor?channel=1&subtype=0");
            for (String transport : List.of("udp", "tcp")) {
                var run = run(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-rtsp_transport",
                        transport,
                        "-i",
                        main,
                        "-frames:v",
                        "100",
                        "-f",
                        "null",
                        "-");
                assertThat(run.output()).as(transport).isEmpty();
                assertThat(run.exit()).as(transport).isZero();
            }
            assertThat(probe(main)).isEqualTo("640,360");
            assertThat(probe(vto.rtspUrl(user, "/cam/realmonitor?channel=1&subtype=1&unicast=true&proto=Onvif")))
                    .isEqualTo("320,180");
            assertThat(probe(vto.rtspUrl(user, "/live/sub"))).isEqualTo("320,180");

            var wrong = run("ffprobe", "-v", "error", vto.rtspUrl("admin:wrong-password", "/live/main"));
            assertThat(wrong.exit()).isNotZero();
            assertThat(wrong.output()).contains("401");

            var gst = run(
                    "gst-launch-1.0",
                    "-q",
                    "rtspsrc",
                    "location=" + vto.rtspUrl("", "/cam/realmonitor?channel=1&subtype=0"),
                    "user-id=admin",
                    "user-pw=" + PASSWORD,
                    "protocols=tcp",
                    "!",
                    "rtph264depay",
                    "!",
                    "h264parse",
                    "!",
                    "avdec_h264",
                    "!",
                    "identity",
                    "eos-after=30",
                    "!",
                    "fakesink");
            assertThat(gst.exit()).as(gst.output()).isZero();

            var api = new DigestClient("admin", PASSWORD, org.openvto.digest.DigestAlgorithm.SHA_256);
            for (var stream : List.of("main:640x360", "sub:320x180")) {
                String[] nameSize = stream.split(":");
                var jpeg = api.getBytes(vto.baseUrl(), "/api/v1/snapshot?stream=" + nameSize[0]);
                assertThat(jpeg.statusCode()).isEqualTo(200);
                assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
                var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg.body()));
                assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(nameSize[1]);
            }
            assertThat(api.getBytes(vto.baseUrl(), "/cgi-bin/snapshot.cgi?channel=1")
                            .statusCode())
                    .isEqualTo(200);
            var bad = api.send(vto.baseUrl(), "GET", "/api/v1/snapshot?stream=third", null);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("stream must be main or sub");
            assertThat(vto.get("/api/v1/snapshot").statusCode())
                    .as("no snapshot without credentials")
                    .isEqualTo(401);

            // the suite's benchmark of PLAY → first decodable picture (bench/rtsp-first-frame.py; target < 300 ms)
            var firstFrame = run(
                    "/usr/bin/python3",
                    Path.of("..", "bench", "rtsp-first-frame.py").toString(),
                    vto.rtspUrl(user, "/cam/realmonitor?channel=1&subtype=0"),
                    "20");
            assertThat(firstFrame.exit()).as(firstFrame.output()).isZero();
            System.out.println("RtspIT PLAY → first IDR, main stream: "
                    + firstFrame.output().strip());
            var median = java.util.regex.Pattern.compile("median ([0-9.]+) ms").matcher(firstFrame.output());
            assertThat(median.find()).as(firstFrame.output()).isTrue();
            assertThat(Double.parseDouble(median.group(1)))
                    .as("the GOP cache gives a new viewer its first picture at once")
                    .isLessThan(300);

            String metrics = api.send(vto.baseUrl(), "GET", "/metrics", null).body();
            assertThat(metrics)
                    .as("every stream slot and viewer released after the players left")
                    .containsPattern("(?m)^openvto_rtsp_sessions\\{[^}]*} 0\\.0$")
                    .containsPattern("(?m)^openvto_video_streams_used\\{[^}]*} 0\\.0$")
                    .containsPattern("(?m)^openvto_video_viewers\\{[^}]*stream=\"main\"} 0\\.0$");
        }
    }

    private static String probe(String url) throws Exception {
        String size = probeOrFailure(url);
        assertThat(size).doesNotStartWith("failed");
        return size;
    }

    /** {@code width,height} of the video, or {@code failed: <ffprobe's output>}. */
    static String probeOrFailure(String url) throws Exception {
        var run = org.openvto.testkit.peers.Commands.videoSize(url);
        return run.exit() == 0 ? run.output().strip() : "failed: " + run.output();
    }

    record Run(int exit, String output) {}

    /** Output readers and background players: never the common pool (one thread on two cores). */
    static final java.util.concurrent.ExecutorService THREADS =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    static Run run(String... command) throws Exception {
        var r = org.openvto.testkit.peers.Commands.run(java.time.Duration.ofSeconds(90), command);
        return new Run(r.exit(), r.output());
    }
}
