package org.openvto.media.rtsp;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.rtsp.internal.RtspServerCore;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.StreamKind;
import org.openvto.media.video.StreamSlots;

/**
 * The door camera's RTSP 1.0 server (RFC 2326): OPTIONS, DESCRIBE, SETUP (RTP/AVP over UDP, or interleaved on the
 * connection), PLAY, PAUSE, TEARDOWN, GET_PARAMETER and SET_PARAMETER as keep-alives, sessions that time out.
 * Each stream is an H.264 video track and, when a microphone is configured for it, a G.711 A-law audio track (one
 * session, one SETUP per track).
 *
 * <p><b>Cost.</b> Each picture is packetised once per stream (RFC 6184 single NAL unit and FU-A payloads); each
 * viewer only writes its own RTP headers (SSRC, sequence numbers, timestamp) in front of the shared payloads into a
 * pooled buffer, and the writes of every viewer served by one event loop go out in one task, one flush per
 * connection.
 *
 * <p><b>Limits.</b> At most {@link Settings#maxConnections()} connections and 4 sessions per connection; request heads
 * up to 8 KiB; each video session holds one of the device's {@link StreamSlots} from SETUP to TEARDOWN (the next
 * gets {@code 453 Not Enough Bandwidth}). A viewer that does not read has its pictures dropped up to the next key
 * frame once its connection's outbound buffer passes 1 MiB: it never slows the other viewers.
 *
 * <p><b>Failure.</b> Malformed requests get {@code 400} and are counted in {@link #stats()}; malformed RTCP is
 * dropped and counted. {@link #start()} fails with the bind error when a port is taken.
 *
 * <p><b>Threading.</b> Requests run on Netty event loops; pictures arrive on the sources' threads and are written
 * without waiting. {@link #start()} and {@link #close()} are called once each, from the composition root.
 */
public final class RtspServer implements AutoCloseable {
    private final RtspServerCore core;

    /**
     * @param host the address to listen on (TCP for RTSP, UDP for RTP/RTCP)
     * @param port the RTSP port (554 on a device; 0 picks a free one)
     * @param rtpPort the even UDP port for RTP ({@code rtpPort + 1} carries RTCP); 0 picks a free pair
     * @param sessionTimeoutSeconds a UDP session without a request or an RTCP report for this long is torn down
     * @param maxConnections concurrent RTSP connections
     * @param deviceName the SDP session name
     */
    public record Settings(
            String host, int port, int rtpPort, int sessionTimeoutSeconds, int maxConnections, String deviceName) {
        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("rtsp port must be from 0 to 65535");
            }
            if (rtpPort < 0 || rtpPort > 65_534 || rtpPort % 2 != 0) {
                throw new IllegalArgumentException("rtp port must be an even number from 0 to 65534");
            }
            if (sessionTimeoutSeconds < 10 || sessionTimeoutSeconds > 3600) {
                throw new IllegalArgumentException("session timeout must be from 10 to 3600 seconds");
            }
            if (maxConnections < 1) {
                throw new IllegalArgumentException("max connections must be at least 1");
            }
        }
    }

    /**
     * Counters for /metrics.
     *
     * @param connections RTSP connections open
     * @param sessions sessions set up
     * @param playing sessions receiving video
     * @param malformed malformed requests answered with 400
     * @param refusedBusy SETUPs refused with 453 (stream limit)
     * @param droppedPictures pictures not sent to slow viewers
     * @param receiverReports RTCP receiver reports read
     * @param malformedRtcp RTCP packets dropped as malformed
     */
    public record Stats(
            int connections,
            int sessions,
            int playing,
            long malformed,
            long refusedBusy,
            long droppedPictures,
            long receiverReports,
            long malformedRtcp) {}

    /** A server without audio: every stream's SDP is video only. */
    public RtspServer(
            Settings settings,
            Function<StreamKind, EncodedStream> streams,
            RtspAuthenticator authenticator,
            StreamSlots slots,
            Clock clock) {
        this(settings, streams, kind -> Optional.empty(), authenticator, slots, clock);
    }

    /**
     * @param audio each stream's microphone, if it has one: its SDP then has a second track, {@code m=audio} PCMA
     *     ({@code trackID=1}), which clients may set up next to the video (UDP or interleaved channels 2-3); asked at
     *     each DESCRIBE, SETUP and PLAY, so it may change while the server runs
     */
    public RtspServer(
            Settings settings,
            Function<StreamKind, EncodedStream> streams,
            Function<StreamKind, Optional<AudioSource>> audio,
            RtspAuthenticator authenticator,
            StreamSlots slots,
            Clock clock) {
        this.core = new RtspServerCore(settings, streams, audio, authenticator, slots, clock);
    }

    /** Binds the RTSP port and the RTP/RTCP pair. */
    public void start() throws InterruptedException {
        core.start();
    }

    /** The bound RTSP port. */
    public int port() {
        return core.port();
    }

    /** The bound RTP port (RTCP is the next one). */
    public int rtpPort() {
        return core.rtpPort();
    }

    public Stats stats() {
        return core.stats();
    }

    /** Tears every session down, releases their stream slots and closes the ports. */
    @Override
    public void close() {
        core.close();
    }
}
