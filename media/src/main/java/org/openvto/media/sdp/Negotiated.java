package org.openvto.media.sdp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an offer/answer exchange agreed (RFC 3264): per medium, the stream to run, if any, and why the others were
 * declined. Immutable.
 *
 * @param audio    the audio stream, empty when declined
 * @param video    the video stream, empty when declined
 * @param declined why each other offered stream was declined, e.g. {@code m=video 0 RTP/AVP: rejected by the
 *                 answerer}, for the call record
 */
public record Negotiated(Optional<Leg> audio, Optional<Leg> video, List<String> declined) {
    public Negotiated {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(video, "video");
        declined = List.copyOf(declined);
    }

    /**
     * One RTP stream. Payload types are receiver-specific (RFC 3264 §5.1): we send with the numbers the remote
     * description gave, and receive with the numbers ours gave.
     *
     * @param protocol                 {@code RTP/AVP} or {@code RTP/AVPF}
     * @param remoteRtp                where RTP goes: the remote {@code c=} (media, else session) and {@code m=} port
     * @param remoteRtcp               where RTCP goes: the RTP address with rtcp-mux on both sides (RFC 5761), else
     *                                 {@code a=rtcp} (RFC 3605), else the RTP port + 1 (RFC 3550 §11)
     * @param rtcpMux                  whether RTP and RTCP share the ports in both directions
     * @param format                   the format we send: its payload type as the remote numbered it
     * @param receivePayloadType       the same format's payload type towards us
     * @param telephoneEvent           the RFC 4733 payload type we send events with, empty when not agreed
     * @param receiveTelephoneEvent    the one the remote sends events with
     * @param ptime                    ms per packet the remote asked for ({@code a=ptime}), else 20 (RFC 3551 §4.2)
     * @param packetizationMode        H.264 only: 0 or 1 (RFC 6184 §8.1)
     * @param profileLevelId           H.264 only: what the remote declared it decodes
     * @param direction                ours: whether we send and whether we receive
     * @param onHold                   the remote will not receive what we would send: it gave 0.0.0.0 (RFC 3264 §8.4,
     *                                 the old way) or marked the stream sendonly or inactive
     */
    public record Leg(
            String protocol,
            InetSocketAddress remoteRtp,
            InetSocketAddress remoteRtcp,
            boolean rtcpMux,
            RtpMap format,
            int receivePayloadType,
            OptionalInt telephoneEvent,
            OptionalInt receiveTelephoneEvent,
            int ptime,
            OptionalInt packetizationMode,
            Optional<String> profileLevelId,
            Direction direction,
            boolean onHold) {
        public Leg {
            Objects.requireNonNull(remoteRtp, "remoteRtp");
            Objects.requireNonNull(remoteRtcp, "remoteRtcp");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(direction, "direction");
        }

        public boolean sends() {
            return direction.sends();
        }

        public boolean receives() {
            return direction.receives();
        }
    }
}
