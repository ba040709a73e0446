package org.openvto.media.call;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one call's media, for the status page, the call record and tests. Counters run from the call's
 * start; a party removed from the call takes its own counters with it.
 *
 * @param audioPort our audio RTP port (RTCP on the next)
 * @param videoPort our video RTP port
 * @param answered the party whose audio we play, once one answered
 * @param peers one entry per party still in the call, in the order they were added
 * @param jitter the playout of the answering party's audio
 * @param foreignPackets RTP and RTCP packets from an address that is no party's negotiated one: dropped (symmetric
 *     RTP, RFC 4961: only the parties in the call are heard)
 * @param malformedRtp datagrams on an RTP port that are not RTP (RFC 3550 §5.1), or telephone-events that are not
 *     RFC 4733 ones
 * @param malformedRtcp datagrams on an RTCP port that are not a compound RTCP packet (§6.1)
 * @param unexpectedPayload RTP packets from a party in a payload type it did not negotiate, or audio it should not
 *     send (our direction is sendonly): dropped
 * @param digits telephone-event key presses delivered to the DTMF listener
 */
public record CallStats(
        int audioPort,
        int videoPort,
        Optional<String> answered,
        List<PeerStats> peers,
        JitterStats jitter,
        long foreignPackets,
        long malformedRtp,
        long malformedRtcp,
        long unexpectedPayload,
        long digits) {
    public CallStats {
        peers = List.copyOf(peers);
    }

    /** The entry of {@code id}, if it is still in the call. */
    public Optional<PeerStats> peer(String id) {
        return peers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * One party.
     *
     * @param video whether it gets our video
     * @param audio its audio leg's counters, zero without one
     * @param videoLeg its video leg's counters, zero without one
     * @param oversizeNals NAL units not sent to it because packetization-mode 0 has no fragments and they were larger
     *     than a packet (RFC 6184 §6.2)
     * @param droppedPictures pictures not sent while waiting for a key frame
     */
    public record PeerStats(
            String id, VideoState video, LegStats audio, LegStats videoLeg, long oversizeNals, long droppedPictures) {}

    /**
     * One RTP stream pair (ours to the party, its to us) and what the RTCP reports said.
     *
     * @param packetsSent RTP packets we sent
     * @param octetsSent their payload octets (RFC 3550 §6.4.1 sender's octet count)
     * @param packetsReceived valid RTP packets from the party
     * @param octetsReceived their payload octets
     * @param lost packets of the party's stream we never received (§6.4.1 cumulative number of packets lost)
     * @param jitter the interarrival jitter of the party's stream, in timestamp units (§6.4.1, A.8)
     * @param reportsSent RTCP compound packets we sent for this leg
     * @param reportsReceived RTCP compound packets the party sent for this leg
     * @param remoteFractionLost the last report block about our stream: fraction lost in 1/256, -1 before one came
     * @param remoteCumulativeLost that block's cumulative number lost
     * @param remoteJitter that block's jitter, in timestamp units
     */
    public record LegStats(
            long packetsSent,
            long octetsSent,
            long packetsReceived,
            long octetsReceived,
            long lost,
            long jitter,
            long reportsSent,
            long reportsReceived,
            int remoteFractionLost,
            long remoteCumulativeLost,
            long remoteJitter) {
        public static final LegStats NONE = new LegStats(0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0);
    }

    /**
     * The jitter buffer's counts (RFC 3550 §6.4.1 loss as seen at playout).
     *
     * @param played packets handed to the audio sink
     * @param lost packets missing at their playout time
     * @param late packets that came after their playout time (or a playout already past them): dropped
     * @param duplicates packets already buffered: dropped
     */
    public record JitterStats(long played, long lost, long late, long duplicates) {
        public static final JitterStats NONE = new JitterStats(0, 0, 0, 0);
    }
}
