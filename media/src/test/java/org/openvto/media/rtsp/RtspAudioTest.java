package org.openvto.media.rtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.media.rtsp.RtspServerTest.run;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.media.audio.ToneSource;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.FileLoopSource;
import org.openvto.media.video.StreamKind;
import org.openvto.media.video.StreamSlots;
import org.openvto.testkit.netty.NettyLeaks;

/** The optional G.711 track: a 1 kHz tone on the main stream, none on the sub stream; real clients. */
class RtspAudioTest {
    @TempDir
    Path dir;

    private RtspServer server;
    private EncodedStream main;
    private EncodedStream sub;
    private ToneSource tone;

    @BeforeEach
    void start() throws Exception {
        main = new EncodedStream(new FileLoopSource(FileLoopSource.encode(dir, 640, 360, 25, 2, 25), 640, 360, 25));
        sub = new EncodedStream(new FileLoopSource(FileLoopSource.encode(dir, 320, 180, 25, 2, 25), 320, 180, 25));
        tone = new ToneSource(1000, 0.25);
        server = new RtspServer(
                new RtspServer.Settings("127.0.0.1", 0, 0, 60, 32, "Front door"),
                kind -> kind == StreamKind.MAIN ? main : sub,
                kind -> kind == StreamKind.MAIN ? Optional.of(tone) : Optional.empty(),
                (m, u, a, r) -> CompletableFuture.completedFuture(new RtspAuthenticator.Decision.Allowed("admin")),
                new StreamSlots(6),
                Clock.systemUTC());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        main.close();
        sub.close();
        tone.close();
        NettyLeaks.assertNone();
    }

    private String url(String path) {
        return "rtsp://127.0.0.1:" + server.port() + path;
    }

    @Test
    void describeHasAPcmaTrackOnlyWhereAMicrophoneIs() throws Exception {
        try (RawRtspClient c = new RawRtspClient(server.port())) {
            String withAudio = c.request("DESCRIBE", url("/live/main"), "Accept: application/sdp");
            assertThat(withAudio)
                    .contains("m=video 0 RTP/AVP 96", "a=control:trackID=0")
                    .contains("m=audio 0 RTP/AVP 8\r\n", "a=rtpmap:8 PCMA/8000\r\n", "a=control:trackID=1\r\n");
            String videoOnly = c.request("DESCRIBE", url("/live/sub"), "Accept: application/sdp");
            assertThat(videoOnly).contains("m=video").doesNotContain("m=audio", "trackID=1");
            assertThat(c.request("SETUP", url("/live/sub/trackID=1"), "Transport: RTP/AVP/TCP;interleaved=2-3"))
                    .startsWith("RTSP/1.0 404");
        }
    }

    @Test
    void bothTracksInOneSessionInterleavedWithRtpInfoForEach() throws Exception {
        try (RawRtspClient c = new RawRtspClient(server.port())) {
            assertThat(c.request("SETUP", url("/live/main/trackID=0"), "Transport: RTP/AVP/TCP;interleaved=0-1"))
                    .startsWith("RTSP/1.0 200");
            assertThat(c.request("SETUP", url("/live/main/trackID=1"), "Transport: RTP/AVP/TCP;interleaved=2-3"))
                    .startsWith("RTSP/1.0 200")
                    .contains("interleaved=2-3");
            assertThat(c.request("SETUP", url("/live/main/trackID=1"), "Transport: RTP/AVP/TCP;interleaved=4-5"))
                    .as("each track once")
                    .startsWith("RTSP/1.0 459");
            String play = c.request("PLAY", url("/live/main"));
            assertThat(play)
                    .containsPattern("RTP-Info: url=rtsp://[^;]+/live/main/trackID=0;seq=\\d+,"
                            + "url=rtsp://[^;]+/live/main/trackID=1;seq=\\d+\r\n");
            var packets = c.countPackets(1000);
            assertThat(packets.get(2)[0])
                    .as("audio packets in 1 s (50 a second)")
                    .isBetween(40, 60);
            assertThat(packets.get(2)[1]).as("payload type").isEqualTo(8);
            assertThat(packets.get(0)[1]).isEqualTo(96);
        }
        org.openvto.testkit.Await.until(
                "the tone's listener gone", java.time.Duration.ofSeconds(5), () -> tone.listeners() == 0);
    }

    @Test
    void ffprobeSeesH264AndPcmAlaw() throws Exception {
        var probe = run(
                "ffprobe",
                "-v",
                "error",
                "-rtsp_transport",
                "tcp",
                "-show_entries",
                "stream=codec_name,sample_rate",
                "-of",
                "csv=p=0",
                url("/cam/realmonitor?channel=1&subtype=0"));
        assertThat(probe.getKey()).as(probe.getValue()).isZero();
        assertThat(probe.getValue().strip().lines().toList()).containsExactly("h264", "pcm_alaw,8000");
    }

    @Test
    void ffmpegDecodesTheToneAndThePicturesOverTcpAndUdp() throws Exception {
        for (String transport : List.of("tcp", "udp")) {
            Path wav = dir.resolve("audio-" + transport + ".raw");
            var decode = run(
                    "ffmpeg",
                    "-v",
                    "error",
                    "-rtsp_transport",
                    transport,
                    "-i",
                    url("/live/main"),
                    "-map",
                    "0:v",
                    "-t",
                    "3",
                    "-f",
                    "null",
                    "-",
                    "-map",
                    "0:a",
                    "-t",
                    "3",
                    "-ac",
                    "1",
                    "-ar",
                    "8000",
                    "-f",
                    "s16le",
                    wav.toString());
            assertThat(decode.getValue()).as(transport).isEmpty();
            assertThat(decode.getKey()).as(transport).isZero();
            ByteBuffer pcm = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
            int samples = pcm.remaining() / 2;
            assertThat(samples).as(transport + ": at least 2 s of audio").isGreaterThanOrEqualTo(16_000);
            int crossings = 0;
            short previous = 0;
            int peak = 0;
            for (int i = 0; i < samples; i++) {
                short x = pcm.getShort();
                peak = Math.max(peak, Math.abs(x));
                if ((previous < 0) != (x < 0)) {
                    crossings++;
                }
                previous = x;
            }
            double hz = crossings / 2.0 / (samples / 8000.0);
            assertThat(hz).as(transport + ": the tone's frequency").isBetween(950.0, 1050.0);
            assertThat(peak).as(transport + ": quiet").isBetween(7000, 9000);
        }
    }

    @Test
    void gstreamerRtspsrcPlaysVideoAndAudio() throws Exception {
        String pipeline = "gst-launch-1.0 -q rtspsrc name=src location=" + url("/live/main") + " protocols=tcp"
                + " src. ! application/x-rtp,media=video ! rtph264depay ! h264parse ! avdec_h264"
                + " ! identity eos-after=50 ! fakesink"
                + " src. ! application/x-rtp,media=audio ! rtppcmadepay ! alawdec ! identity eos-after=100 ! fakesink";
        var play = run(pipeline.split(" "));
        assertThat(play.getKey()).as(play.getValue()).isZero();
    }
}
