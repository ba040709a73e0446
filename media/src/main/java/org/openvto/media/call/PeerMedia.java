package org.openvto.media.call;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the offer/answer exchange (RFC 3264) agreed with one remote party of a call, as plain values: where its
 * media goes and in which format. Immutable; the constructors check the values and throw {@link
 * IllegalArgumentException} for ones no negotiation can produce.
 *
 * @param audio the audio leg, empty when the party took none (port 0)
 * @param video the video leg, empty when the party took none
 */
public record PeerMedia(Optional<Audio> audio, Optional<Video> video) {
    /** RTP payload type of PCMU (RFC 3551 Table 4). */
    public static final int PCMU = 0;

    /** RTP payload type of PCMA. */
    public static final int PCMA = 8;

    public PeerMedia {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(video, "video");
    }

    public static PeerMedia of(Audio audio, Video video) {
        return new PeerMedia(Optional.ofNullable(audio), Optional.ofNullable(video));
    }

    /**
     * The audio leg (RFC 3551 §4.5.14 G.711, 8,000 Hz).
     *
     * @param rtp the party's RTP address: our packets go there, and only packets from there are accepted
     * @param rtcp its RTCP address (RFC 3605 {@code a=rtcp}, else RTP port + 1)
     * @param payloadType {@link #PCMU} or {@link #PCMA}
     * @param telephoneEvent the dynamic payload type of RFC 4733 telephone-events, if negotiated
     * @param ptimeMillis the packet time to send (RFC 4566 {@code a=ptime}): 20…200 ms in steps of 20
     * @param send whether we send audio to it (our direction sendrecv or sendonly)
     * @param receive whether we take audio from it (sendrecv or recvonly)
     */
    public record Audio(
            InetSocketAddress rtp,
            InetSocketAddress rtcp,
            int payloadType,
            OptionalInt telephoneEvent,
            int ptimeMillis,
            boolean send,
            boolean receive) {
        public Audio {
            Objects.requireNonNull(rtp, "rtp");
            Objects.requireNonNull(rtcp, "rtcp");
            Objects.requireNonNull(telephoneEvent, "telephoneEvent");
            if (payloadType != PCMU && payloadType != PCMA) {
                throw new IllegalArgumentException("audio payload type must be 0 (PCMU) or 8 (PCMA): " + payloadType);
            }
            if (telephoneEvent.isPresent() && (telephoneEvent.getAsInt() < 96 || telephoneEvent.getAsInt() > 127)) {
                throw new IllegalArgumentException("telephone-event must be a dynamic payload type 96–127");
            }
            if (ptimeMillis < 20 || ptimeMillis > 200 || ptimeMillis % 20 != 0) {
                throw new IllegalArgumentException("ptime must be 20–200 ms in steps of 20: " + ptimeMillis);
            }
        }

        /** Two-way G.711 at 20 ms with RTCP on the next port. */
        public static Audio sendRecv(InetSocketAddress rtp, int payloadType, OptionalInt telephoneEvent) {
            return new Audio(rtp, nextPort(rtp), payloadType, telephoneEvent, 20, true, true);
        }
    }

    /**
     * The video leg (H.264, RFC 6184). The door station only sends video.
     *
     * @param rtp the party's RTP address
     * @param rtcp its RTCP address
     * @param payloadType the dynamic payload type, 96–127
     * @param packetizationMode 0 (single NAL unit: a NAL unit larger than a packet is dropped) or 1 (non-interleaved:
     *     FU-A fragments)
     * @param send whether we send video to it
     */
    public record Video(
            InetSocketAddress rtp, InetSocketAddress rtcp, int payloadType, int packetizationMode, boolean send) {
        public Video {
            Objects.requireNonNull(rtp, "rtp");
            Objects.requireNonNull(rtcp, "rtcp");
            if (payloadType < 96 || payloadType > 127) {
                throw new IllegalArgumentException("video payload type must be 96–127: " + payloadType);
            }
            if (packetizationMode != 0 && packetizationMode != 1) {
                throw new IllegalArgumentException("packetization-mode must be 0 or 1: " + packetizationMode);
            }
        }

        /** Sending, mode 1, RTCP on the next port. */
        public static Video sending(InetSocketAddress rtp, int payloadType) {
            return new Video(rtp, nextPort(rtp), payloadType, 1, true);
        }
    }

    private static InetSocketAddress nextPort(InetSocketAddress rtp) {
        return new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
    }
}
