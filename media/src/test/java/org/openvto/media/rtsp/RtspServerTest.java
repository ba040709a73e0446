package org.openvto.media.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.FileLoopSource;
import org.openvto.media.video.StreamKind;
import org.openvto.media.video.StreamSlots;
import org.openvto.testkit.netty.NettyLeaks;

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
        NettyLeaks.assertNone(); // every test: no buffer of the server's was left unreleased
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

    @Test
    void sixFfmpegPlayersStreamAtOnceTheSeventhGets453AndANewOneIsAdmittedWhenOneLeaves() throws Exception {
        List<Process> players = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                players.add(new ProcessBuilder(
                                "ffmpeg",
                                "-v",
                                "error",
                                "-rtsp_transport",
                                i % 2 == 0 ? "tcp" : "udp",
                                "-i",
                                url("/cam/realmonitor?channel=1&subtype=" + (i % 2)),
                                "-f",
                                "null",
                                "-")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start());
            }
            org.openvto.testkit.Await.until("six players", java.time.Duration.ofSeconds(30), () -> slots.used() == 6);
            var seventh = org.openvto.testkit.peers.Commands.decode(url("/live/main"), 10);
            assertThat(seventh.exit()).isNotZero();
            assertThat(seventh.output()).contains("453");
            assertThat(players).allMatch(Process::isAlive);
            players.removeFirst().destroy();
            org.openvto.testkit.Await.until("a slot freed", java.time.Duration.ofSeconds(10), () -> slots.used() == 5);
            var next = org.openvto.testkit.peers.Commands.decode(url("/live/main"), 25);
            assertThat(next.output()).isEmpty();
            assertThat(next.exit()).isZero();
        } finally {
            players.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void theSeventhStreamGets453AndIsAdmittedWhenOneLeaves() throws Exception {
        List<RawRtspClient> viewers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                RawRtspClient c = new RawRtspClient(server.port());
                assertThat(c.play(url("/cam/realmonitor?channel=1&subtype=" + (i % 2))))
                        .startsWith("RTSP/1.0 200");
                viewers.add(c);
            }
            try (RawRtspClient seventh = new RawRtspClient(server.port())) {
                assertThat(seventh.request(
                                "SETUP",
                                url("/live/main/trackID=0"),
                                "Transport: RTP/AVP;unicast;client_port=40000-40001"))
                        .startsWith("RTSP/1.0 453 Not Enough Bandwidth");
            }
            assertThat(server.stats().refusedBusy()).isEqualTo(1);
            viewers.removeFirst().close();
            org.openvto.testkit.Await.until("the slot freed", java.time.Duration.ofSeconds(5), () -> slots.used() == 5);
            RawRtspClient again = new RawRtspClient(server.port());
            viewers.add(again);
            assertThat(again.play(url("/live/sub"))).startsWith("RTSP/1.0 200");
        } finally {
            for (RawRtspClient c : viewers) {
                c.close();
            }
        }
    }

    @Test
    void aViewerThatStopsReadingDoesNotSlowTheOthers() throws Exception {
        main.close(); // large pictures (≈ 8 Mbit/s) fill a stalled viewer's buffers within seconds
        main = new EncodedStream(new FileLoopSource(
                FileLoopSource.encode(dir, 640, 360, 25, 2, 25, ",noise=alls=80:allf=t", "8M"), 640, 360, 25));
        try (RawRtspClient stalled = new RawRtspClient(server.port());
                RawRtspClient reader = new RawRtspClient(server.port())) {
            stalled.socket.setReceiveBufferSize(4096);
            stalled.play(url("/live/main"));
            reader.play(url("/live/main"));
            for (int s = 0; s < 60 && server.stats().droppedPictures() == 0; s++) {
                reader.countPictures(1000); // until the stalled viewer's buffers are full
            }
            int pictures = reader.countPictures(3000);
            assertThat(pictures).as("25 fps for 3 s at the reading viewer").isBetween(70, 80);
            assertThat(server.stats().droppedPictures())
                    .as("the stalled viewer's pictures were dropped")
                    .isPositive();
        }
    }

    @Test
    void connectPlayTeardownCyclesAndAbruptKillsLeaveNothingBehind() throws Exception {
        int threads = Thread.activeCount();
        for (int i = 0; i < 200; i++) {
            try (RawRtspClient c = new RawRtspClient(server.port())) {
                c.play(url("/live/sub"));
                assertThat(c.request("TEARDOWN", url("/live/sub"))).startsWith("RTSP/1.0 200");
            }
            RawRtspClient killed = new RawRtspClient(server.port());
            killed.play(url("/live/main"));
            killed.abort();
        }
        org.openvto.testkit.Await.until("every connection gone", java.time.Duration.ofSeconds(10), () -> {
            var s = server.stats();
            return s.connections() == 0 && s.sessions() == 0 && slots.used() == 0;
        });
        assertThat(main.viewers() + sub.viewers()).isZero();
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threads + 2);
        server.close();
        NettyLeaks.assertNone();
    }

    @Test
    void malformedRequestsGet400AndAreCounted() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("GARBAGE\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("RTSP/1.0 400 Bad Request");
        }
        assertThat(server.stats().malformed()).isEqualTo(1);
    }

    @Test
    void gstreamerRtspsrcPlaysIt() throws Exception {
        var run = run(
                "gst-launch-1.0",
                "-q",
                "rtspsrc",
                "location=" + url("/cam/realmonitor?channel=1&subtype=0"),
                "protocols=tcp",
                "!",
                "rtph264depay",
                "!",
                "h264parse",
                "!",
                "avdec_h264",
                "!",
                "identity",
                "eos-after=50",
                "!",
                "fakesink");
        assertThat(run.getKey()).as(run.getValue()).isZero();
    }

    private String probe(String path) throws Exception {
        var run = org.openvto.testkit.peers.Commands.videoSize(url(path));
        assertThat(run.exit()).as(run.output()).isZero();
        return run.output().strip();
    }

    /** Exit code and combined output. */
    static Map.Entry<Integer, String> run(String... command) throws Exception {
        var r = org.openvto.testkit.peers.Commands.run(java.time.Duration.ofSeconds(90), command);
        return Map.entry(r.exit(), r.output());
    }
}
