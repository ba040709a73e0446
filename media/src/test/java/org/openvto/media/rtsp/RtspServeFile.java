package org.openvto.media.rtsp;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.FileLoopSource;
import org.openvto.media.video.StreamSlots;

/**
 * Benchmark server (bench/rtsp-viewers.sh): OpenVTO's RTSP server playing a pre-encoded H.264 file in a loop at
 * {@code /live/main}, without authentication, so it is compared with GStreamer's and VLC's servers on equal terms.
 * Arguments: file width height fps port maxStreams.
 */
public final class RtspServeFile {
    private RtspServeFile() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        int fps = Integer.parseInt(args[3]);
        EncodedStream stream = new EncodedStream(new FileLoopSource(file, width, height, fps));
        RtspServer server = new RtspServer(
                new RtspServer.Settings("127.0.0.1", Integer.parseInt(args[4]), 0, 60, 1024, "bench"),
                kind -> stream,
                (m, u, a, r) -> CompletableFuture.completedFuture(new RtspAuthenticator.Decision.Allowed("bench")),
                new StreamSlots(Integer.parseInt(args[5])),
                Clock.systemUTC());
        server.start();
        System.out.println("ready on " + server.port());
        Thread.currentThread().join();
    }
}
