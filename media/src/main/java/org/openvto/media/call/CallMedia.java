package org.openvto.media.call;

import io.netty.channel.EventLoopGroup;
import java.net.BindException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.call.internal.MediaSession;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.StreamSlots;

/**
 * The media of one SIP call of the door station: an RTP/RTCP port pair for audio and one for video on a local
 * address, and the remote parties — several while a call forks to the monitors of a room and each sends early
 * media (183 with SDP), one once it answered.
 *
 * <p><b>Sending.</b> Every party with a sending video leg holds one of the device's {@link StreamSlots} and gets the
 * camera's {@link EncodedStream} from a key frame on (SPS and PPS in band, RFC 6184 §8.4), packetised by
 * packetization-mode: 1 single NAL units and FU-A (§5.6, §5.8), 0 single NAL units only (a larger NAL unit is dropped
 * and counted). When no slot is free the party gets no video ({@link VideoState#NO_SLOT}). Every party with a sending
 * audio leg gets the microphone's 20 ms A-law frames as PCMA, or transcoded to PCMU (G.711), in packets of its
 * ptime, timestamps advancing 8 per millisecond, the marker on the first (RFC 3551 §4.1, §4.5.14).
 *
 * <p><b>Receiving, symmetric RTP.</b> Packets are sent from the socket they are received on (RFC 4961). A datagram
 * is accepted only from a party's negotiated address — audio RTP from its audio RTP address, RTCP from its RTCP
 * address — and only in its negotiated payload types; anything else is dropped and counted, never latched onto: only
 * the parties in the call are heard. (A party behind a NAT whose address is not the negotiated one is not supported.)
 * The answering party's audio goes through a fixed-delay jitter buffer into the {@link AudioSink}; RFC 4733
 * telephone-events of any party become one {@link DtmfListener#digit} per key press.
 *
 * <p><b>RTCP.</b> Every {@link Config#rtcpInterval} × a random factor 0.5…1.5 (RFC 3550 §6.3.1, without the
 * reconsideration a two-party session does not need), each leg of each party gets a compound packet: a sender report
 * once the leg has sent (§6.4.1), else a receiver report (§6.4.2), with a report block on what we receive from it,
 * then SDES CNAME (§6.5.1). Received SR/RR are read for the counters in {@link #stats()}; malformed ones are counted.
 *
 * <p><b>Threading.</b> Every method may be called from any thread except the Netty event loops ({@link #open} and
 * {@link #close} wait for sockets to bind and close); none waits for the network or for another call. Internally one
 * lock guards the call's state and is held only for bookkeeping: packets are written by tasks on the call's event
 * loop, never awaited. Received packets are handled on that event loop; the {@link DtmfListener} is called there
 * and the {@link AudioSink} on the scheduler's thread, both outside the lock — they must not block. The video
 * source's and the microphone's threads call in to send; a source's listener never blocks them.
 *
 * <p><b>Resources.</b> {@link #close} releases the sockets, the source subscriptions and every stream slot exactly
 * once; it is idempotent. The event-loop group and the scheduler are the application's and stay running.
 */
public final class CallMedia implements AutoCloseable {
    private final MediaSession session;

    private CallMedia(MediaSession session) {
        this.session = session;
    }

    /**
     * Where the call's sockets are and how often it reports.
     *
     * @param localAddress the address to bind and to announce in SDP (127.0.0.1 or ::1 in tests)
     * @param firstPort the lowest port of the media range (RTP on even ports, RTCP on the next)
     * @param lastPort the highest
     * @param cname the RTCP canonical name of this device (§6.5.1), e.g. {@code vto-8001@192.168.1.108}
     * @param rtcpInterval the mean RTCP report interval (§6.2: 5 s)
     * @param jitterMillis the jitter buffer's fixed delay, 20–200 ms (playout ticks every 20 ms add up to 20 more)
     * @param maxVideoPayload the largest RTP payload, e.g. 1,200 bytes to stay below any path MTU
     */
    public record Config(
            InetAddress localAddress,
            int firstPort,
            int lastPort,
            String cname,
            Duration rtcpInterval,
            int jitterMillis,
            int maxVideoPayload) {
        public Config {
            Objects.requireNonNull(localAddress, "localAddress");
            Objects.requireNonNull(cname, "cname");
            Objects.requireNonNull(rtcpInterval, "rtcpInterval");
            if (firstPort < 1024 || lastPort > 65_535 || lastPort - firstPort < 3) {
                throw new IllegalArgumentException("the media port range needs two even/odd pairs within 1024–65535: "
                        + firstPort + "–" + lastPort);
            }
            if (rtcpInterval.toMillis() < 100) {
                throw new IllegalArgumentException("the RTCP interval must be at least 100 ms: " + rtcpInterval);
            }
            if (jitterMillis < 20 || jitterMillis > 200) {
                throw new IllegalArgumentException("the jitter buffer delay must be 20–200 ms: " + jitterMillis);
            }
            if (maxVideoPayload < 100 || maxVideoPayload > 1460) {
                throw new IllegalArgumentException("the video payload must be 100–1460 bytes: " + maxVideoPayload);
            }
        }

        /** Ports 20000–20999, reports every 5 s, a 40 ms jitter buffer, 1,200-byte video payloads. */
        public static Config defaults(InetAddress localAddress, String cname) {
            return new Config(localAddress, 20_000, 20_999, cname, Duration.ofSeconds(5), 40, 1200);
        }
    }

    /**
     * What the call sends.
     *
     * @param video the camera stream the monitors see (typically the sub stream)
     * @param microphone the door's microphone, if it has one
     * @param slots the device-wide stream limit shared with RTSP
     */
    public record Sources(EncodedStream video, Optional<AudioSource> microphone, StreamSlots slots) {
        public Sources {
            Objects.requireNonNull(video, "video");
            Objects.requireNonNull(microphone, "microphone");
            Objects.requireNonNull(slots, "slots");
        }
    }

    /**
     * The application's machinery a call runs on (never shut down by the call).
     *
     * @param loops a NIO event-loop group; each call takes one of its loops for its sockets
     * @param scheduler runs the playout ticks (every 20 ms) and the RTCP reports; a fake one in unit tests
     * @param clock wall-clock time for RTCP (NTP timestamps, jitter) and the jitter buffer
     * @param random SSRCs, initial sequence numbers and timestamps (RFC 3550 §5.1: random) and the report interval
     */
    public record Runtime(
            EventLoopGroup loops, ScheduledExecutorService scheduler, Clock clock, RandomGenerator random) {
        public Runtime {
            Objects.requireNonNull(loops, "loops");
            Objects.requireNonNull(scheduler, "scheduler");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(random, "random");
        }

        public static Runtime of(EventLoopGroup loops, ScheduledExecutorService scheduler) {
            return new Runtime(loops, scheduler, Clock.systemUTC(), new SecureRandom());
        }
    }

    /**
     * Binds the audio pair, then the video pair (the first free even ports of the range, taken ports passed over) and
     * starts the microphone if there is one. No party yet.
     *
     * @throws BindException when the range has no two free pairs
     */
    public static CallMedia open(Config config, Sources sources, Runtime runtime, DtmfListener dtmf, AudioSink speaker)
            throws BindException {
        return new CallMedia(MediaSession.open(config, sources, runtime, dtmf, speaker));
    }

    /** Our audio RTP port (RTCP on the next), for the SDP's {@code m=audio}. */
    public int audioPort() {
        return session.audioPort();
    }

    /** Our video RTP port, for {@code m=video}. */
    public int videoPort() {
        return session.videoPort();
    }

    public InetAddress localAddress() {
        return session.localAddress();
    }

    /**
     * Adds a party (or replaces the one of the same id, e.g. when its 200 OK brings a new SDP). A sending video leg
     * takes a stream slot if one is free; the party gets video from the next key frame.
     *
     * @return whether it gets our video
     */
    public VideoState addPeer(String id, PeerMedia media) {
        return session.addPeer(id, media);
    }

    /** Removes a party (its branch was cancelled or failed): no more media to it, its slot freed. */
    public boolean removePeer(String id) {
        return session.removePeer(id);
    }

    /** Marks the party whose audio is played (it answered); the others stay. False for an unknown id. */
    public boolean answered(String id) {
        return session.answered(id);
    }

    /** The party answered and every other one is removed (the other branches got CANCEL). False for an unknown id. */
    public boolean keepOnly(String id) {
        return session.keepOnly(id);
    }

    public CallStats stats() {
        return session.stats();
    }

    @Override
    public void close() {
        session.close();
    }
}
