package org.openvto.app.calls;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import org.openvto.media.call.CallMedia;
import org.openvto.media.call.PeerMedia;
import org.openvto.media.call.VideoState;
import org.openvto.media.sdp.MediaCapabilities;
import org.openvto.media.sdp.Negotiated;
import org.openvto.media.sdp.OfferAnswer;
import org.openvto.media.sdp.Sdp;
import org.openvto.media.sdp.SdpParser;

/**
 * The media of one call: its {@link CallMedia} (sockets, RTP, RTCP) and the SDP of the offer/answer exchange (RFC
 * 3264). For a call the VTO makes, {@link #offer} is the INVITE's body and every answer — in a 183/180 (early media:
 * the resident sees the visitor before picking up) or in the 2xx — becomes a party that gets our video and audio;
 * for a call the VTO takes (a monitor), {@link #answer} answers the caller's offer.
 *
 * <p>Failure: a malformed SDP or one without a common codec is a {@link Result.Refused} with the reason for the call
 * record, never an exception. Threading: one call's session is used from the SIP thread; {@link CallMedia} is
 * thread-safe.
 */
final class CallSession implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CallSession.class);
    /** What an SDP from the other side came to. */
    sealed interface Result {
        /** Media runs with that party; {@code video} says whether it gets our video. */
        record Running(VideoState video, Negotiated negotiated) implements Result {}

        record Refused(String reason) implements Result {}
    }

    private final CallMedia media;
    private final MediaCapabilities caps;
    private final long sessionId;
    private Sdp offer;

    CallSession(CallMedia media, MediaCapabilities caps, long sessionId) {
        this.media = media;
        this.caps = caps;
        this.sessionId = sessionId;
    }

    /** Our offer for an outgoing call (RFC 3264 §5). */
    byte[] offer() {
        offer = OfferAnswer.offer(caps, media.localAddress(), media.audioPort(), media.videoPort(), sessionId, 1);
        return offer.format().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The answer of party {@code id} to our offer ({@code sdp} of a provisional response or of the 2xx): the party
     * gets our media; {@code answered} makes it the one we hear and drops the others.
     */
    Result answer(String id, byte[] sdp, boolean answered) {
        Result r = switch (SdpParser.parse(sdp)) {
            case SdpParser.Result.Malformed m -> new Result.Refused("malformed SDP answer: " + m.reason());
            case SdpParser.Result.Parsed p ->
                switch (OfferAnswer.accept(offer, p.sdp())) {
                    case OfferAnswer.Outcome.Failed f -> new Result.Refused(f.reason());
                    case OfferAnswer.Outcome.Agreed a -> run(id, a.negotiated());
                };
        };
        if (answered && r instanceof Result.Running) {
            media.keepOnly(id);
        }
        if (!(r instanceof Result.Running run) || !run.negotiated().declined().isEmpty()) {
            LOG.info(
                    "SDP of {} declined in part; our offer:\n{}their answer:\n{}",
                    id,
                    offer.format(),
                    new String(sdp, StandardCharsets.UTF_8));
        }
        return r;
    }

    /** The party answered without SDP in its 2xx but sent one in a provisional before: it is the one we hear. */
    boolean answeredWithEarlySdp(String id) {
        return media.keepOnly(id);
    }

    /** A party stopped ringing (CANCEL reached it, it failed): no more media to it. */
    void drop(String id) {
        media.removePeer(id);
    }

    /** Our answer to {@code remoteOffer} of an incoming call (RFC 3264 §6), with its SDP, or why not. */
    Answer answerOffer(String id, byte[] remoteOffer) {
        if (remoteOffer == null) {
            return new Answer(null, new Result.Refused("an INVITE without an SDP offer is not supported"));
        }
        return switch (SdpParser.parse(remoteOffer)) {
            case SdpParser.Result.Malformed m ->
                new Answer(null, new Result.Refused("malformed SDP offer: " + m.reason()));
            case SdpParser.Result.Parsed p ->
                switch (OfferAnswer.answer(
                        p.sdp(), caps, media.localAddress(), media.audioPort(), media.videoPort(), sessionId, 1)) {
                    case OfferAnswer.Answer.Refused refused -> new Answer(null, new Result.Refused(refused.reason()));
                    case OfferAnswer.Answer.Answered a -> {
                        Result r = run(id, a.negotiated());
                        if (r instanceof Result.Running) {
                            media.keepOnly(id);
                        }
                        yield new Answer(a.sdp().format().getBytes(StandardCharsets.UTF_8), r);
                    }
                };
        };
    }

    /** Our SDP answer (null when refused) and what came of it. */
    record Answer(byte[] sdp, Result result) {}

    private Result run(String id, Negotiated n) {
        Optional<PeerMedia.Audio> audio = n.audio().flatMap(CallSession::audio);
        Optional<PeerMedia.Video> video = n.video().flatMap(CallSession::video);
        if (audio.isEmpty() && video.isEmpty()) {
            return new Result.Refused("no common codec: " + String.join("; ", n.declined()));
        }
        VideoState state = media.addPeer(id, new PeerMedia(audio, video));
        return new Result.Running(state, n);
    }

    private static Optional<PeerMedia.Audio> audio(Negotiated.Leg leg) {
        int pt = leg.format().payloadType();
        if (pt != PeerMedia.PCMU && pt != PeerMedia.PCMA) {
            return Optional.empty();
        }
        OptionalInt events = leg.receiveTelephoneEvent();
        int ptime = Math.max(20, Math.min(200, leg.ptime() / 20 * 20));
        return Optional.of(new PeerMedia.Audio(
                leg.remoteRtp(), leg.remoteRtcp(), pt, events, ptime, leg.sends() && !leg.onHold(), leg.receives()));
    }

    private static Optional<PeerMedia.Video> video(Negotiated.Leg leg) {
        int pt = leg.format().payloadType();
        if (pt < 96 || pt > 127) {
            return Optional.empty();
        }
        return Optional.of(new PeerMedia.Video(
                leg.remoteRtp(),
                leg.remoteRtcp(),
                pt,
                leg.packetizationMode().orElse(0),
                leg.sends() && !leg.onHold()));
    }

    CallMedia media() {
        return media;
    }

    @Override
    public void close() {
        media.close();
    }
}
