package org.openvto.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestHeaderParser;
import org.openvto.digest.DigestParseResult;
import org.openvto.digest.DigestVerifier;
import org.openvto.media.rtsp.RtspAuthenticator;
import org.openvto.media.rtsp.RtspServer;
import org.openvto.testkit.Await;
import org.openvto.testkit.Ports;

/**
 * A relayed camera, against real servers: OpenVTO's own RTSP server with Digest (without and with {@code qop}) and
 * GStreamer's gst-rtsp-server, re-served by a second RTSP server and decoded by Debian's ffmpeg.
 */
class RelaySourceTest {
    private static final String USER = "viewer";
    private static final String PASSWORD = "Cam-Pass42";

    @TempDir
    Path dir;

    private RtspServer camera;
    private EncodedStream cameraStream;
    private RtspServer door;
    private EncodedStream relayed;
    private Process gst;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {door, relayed, camera, cameraStream}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
        if (gst != null) {
            gst.destroyForcibly();
        }
    }

    /** Digest MD5 as RFC 2617 with one fixed nonce, {@code qop=auth} offered or not. */
    private static RtspAuthenticator digest(boolean qop) {
        String challenge = "Digest realm=\"cam\", nonce=\"0123456789abcdef\"" + (qop ? ", qop=\"auth\"" : "");
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, USER, "cam", PASSWORD);
        return (method, uri, authorization, remote) -> {
            if (authorization.isPresent()
                    && DigestHeaderParser.parse(authorization.get()) instanceof DigestParseResult.Parsed p
                    && DigestVerifier.verify(p.response(), method, ha1)) {
                return CompletableFuture.completedFuture(new RtspAuthenticator.Decision.Allowed(USER));
            }
            return CompletableFuture.completedFuture(new RtspAuthenticator.Decision.Challenge(List.of(challenge)));
        };
    }

    private static RtspServer serve(EncodedStream stream, RtspAuthenticator auth) throws Exception {
        RtspServer s = new RtspServer(
                new RtspServer.Settings("127.0.0.1", 0, 0, 60, 32, "test"),
                kind -> stream,
                auth,
                new StreamSlots(6),
                Clock.systemUTC());
        s.start();
        return s;
    }

    private static final RtspAuthenticator ANYONE =
            (m, u, a, r) -> CompletableFuture.completedFuture(new RtspAuthenticator.Decision.Allowed("any"));

    private void startCamera(boolean qop) throws Exception {
        cameraStream =
                new EncodedStream(new FileLoopSource(FileLoopSource.encode(dir, 480, 272, 25, 2, 25), 480, 272, 25));
        camera = serve(cameraStream, digest(qop));
    }

    private RelaySource relay(int port, String password) {
        return new RelaySource(new RelaySource.Settings(
                URI.create("rtsp://127.0.0.1:" + port + "/cam/realmonitor?channel=1&subtype=0"),
                USER,
                password,
                false,
                25));
    }

    private String relayedUrl() {
        return "rtsp://127.0.0.1:" + door.port() + "/live/main";
    }

    @Test
    void aDigestCameraWithoutQopIsRelayedAndDecodesAtItsSize() throws Exception {
        startCamera(false);
        relayed = new EncodedStream(relay(camera.port(), PASSWORD));
        door = serve(relayed, ANYONE);
        assertDecodes(relayedUrl(), 100, "480,272");
        assertThat(relayed.source().snapshotJpeg()).isPresent();
        assertThat(relayed.source().status().state()).isIn(SourceStatus.State.RUNNING, SourceStatus.State.IDLE);
    }

    @Test
    void aDigestCameraWithQopIsRelayedToo() throws Exception {
        startCamera(true);
        relayed = new EncodedStream(relay(camera.port(), PASSWORD));
        door = serve(relayed, ANYONE);
        assertDecodes(relayedUrl(), 100, "480,272");
    }

    @Test
    void aWrongPasswordShowsTheCamerasRefusalAndIsRetried() throws Exception {
        startCamera(false);
        RelaySource source = relay(camera.port(), "wrong");
        relayed = new EncodedStream(source);
        var viewer = relayed.subscribe(u -> {});
        Await.until(
                "the refusal shown",
                Duration.ofSeconds(10),
                () -> source.status().detail().contains("401"));
        assertThat(source.status().state()).isEqualTo(SourceStatus.State.RESTARTING);
        assertThat(source.status().detail()).contains("wrong user or password");
        Await.until(
                "retried after the back-off",
                Duration.ofSeconds(10),
                () -> source.status().restarts() >= 1);
        viewer.close();
        assertThat(source.status().state()).isEqualTo(SourceStatus.State.IDLE);
    }

    @Test
    void aCameraThatGoesAwayIsReconnectedWhenItComesBack() throws Exception {
        startCamera(false);
        int port = camera.port();
        RelaySource source = relay(port, PASSWORD);
        relayed = new EncodedStream(source);
        List<AccessUnit> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        var viewer = relayed.subscribe(seen::add);
        Await.until("pictures", Duration.ofSeconds(10), () -> seen.size() > 10);
        camera.close();
        Await.until(
                "the loss shown",
                Duration.ofSeconds(15),
                () -> source.status().state() == SourceStatus.State.RESTARTING);
        camera = new RtspServer(
                new RtspServer.Settings("127.0.0.1", port, 0, 60, 32, "test"),
                kind -> cameraStream,
                digest(false),
                new StreamSlots(6),
                Clock.systemUTC());
        camera.start();
        int before = seen.size();
        Await.until("pictures again", Duration.ofSeconds(40), () -> seen.size() > before + 10);
        assertThat(source.status().state()).isEqualTo(SourceStatus.State.RUNNING);
        assertThat(seen).extracting(AccessUnit::micros).isSorted();
        viewer.close();
    }

    @Test
    void gstreamersRtspServerIsRelayedToo() throws Exception {
        Path mkv = dir.resolve("cam.mkv");
        var enc = run(
                "ffmpeg",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=352x288:rate=25",
                "-t",
                "30",
                "-c:v",
                "libx264",
                "-profile:v",
                "baseline",
                "-g",
                "25",
                "-pix_fmt",
                "yuv420p",
                mkv.toString());
        assertThat(enc.getKey()).as(enc.getValue()).isZero();
        int port = Ports.freeTcp();
        gst = new ProcessBuilder(
                        "/usr/bin/python3",
                        Path.of("..", "bench", "rtsp-gst-server.py").toString(),
                        mkv.toString(),
                        String.valueOf(port))
                .redirectErrorStream(true)
                .start();
        var ready = new BufferedReader(new InputStreamReader(gst.getInputStream(), StandardCharsets.UTF_8));
        assertThat(ready.readLine()).isEqualTo("ready");
        relayed = new EncodedStream(new RelaySource(
                new RelaySource.Settings(URI.create("rtsp://127.0.0.1:" + port + "/live/main"), "", "", false, 25)));
        door = serve(relayed, ANYONE);
        assertDecodes(relayedUrl(), 100, "352,288");
    }

    private static void assertDecodes(String url, int frames, String size) throws Exception {
        var decode = org.openvto.testkit.peers.Commands.decode(url, frames);
        assertThat(decode.output()).isEmpty();
        assertThat(decode.exit()).isZero();
        var probe = org.openvto.testkit.peers.Commands.videoSize(url);
        assertThat(probe.exit()).as(probe.output()).isZero();
        assertThat(probe.output().strip()).isEqualTo(size);
    }

    static Map.Entry<Integer, String> run(String... command) throws Exception {
        var r = org.openvto.testkit.peers.Commands.run(java.time.Duration.ofSeconds(90), command);
        return Map.entry(r.exit(), r.output());
    }
}
