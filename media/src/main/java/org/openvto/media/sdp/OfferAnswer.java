package org.openvto.media.sdp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.openvto.media.h264.H264Fmtp;
import org.openvto.media.sdp.internal.Choice;
import org.openvto.media.sdp.internal.Format;
import org.openvto.media.sdp.internal.H264Profiles;
import org.openvto.media.sdp.internal.Legs;
import org.openvto.media.sdp.internal.Sections;

/**
 * The offer/answer model (RFC 3264) for the door station's calls: {@link #offer} for an INVITE we send, {@link
 * #answer} for one we receive, {@link #accept} for the answer to ours (in a 200, or early in a 183/180). Audio is
 * sendrecv; video is sendonly (the door camera; a monitor's camera is not used). Audio codecs match by encoding name
 * and clock rate, telephone-event (RFC 4733) at the codec's rate, H.264 by packetization mode, profile and level (RFC
 * 6184 §8.2.2). A refused stream is a reason, never an exception. Stateless and thread-safe.
 */
public final class OfferAnswer {
    private OfferAnswer() {}

    /** What {@link #answer} made of an offer. */
    public sealed interface Answer {
        /** The answer to send and what it agrees. */
        record Answered(Sdp sdp, Negotiated negotiated) implements Answer {}

        /** No stream could be accepted: answer the INVITE with 488 (RFC 3261 §13.3.1.1, RFC 3264 §6). */
        record Refused(String reason) implements Answer {}
    }

    /** What {@link #accept} made of the answer to our offer. */
    public sealed interface Outcome {
        record Agreed(Negotiated negotiated) implements Outcome {}

        /** The answer breaks RFC 3264 §6 or accepts nothing we offered: end the call (BYE after the ACK). */
        record Failed(String reason) implements Outcome {}
    }

    /**
     * Our initial offer (RFC 3264 §5): {@code m=audio} sendrecv with every audio codec and telephone-event, then,
     * when {@code caps} has video, {@code m=video} sendonly with one H.264 payload type per packetization mode; {@code
     * c=} and {@code o=} our address, {@code s=-}, {@code t=0 0}.
     *
     * @param videoPort ignored when {@code caps} has no video
     * @param version   {@code o=} sess-version; a later offer in the session must use a higher one ({@link #reoffer}
     *                  does)
     */
    public static Sdp offer(
            MediaCapabilities caps,
            InetAddress localAddress,
            int audioPort,
            int videoPort,
            long sessionId,
            long version) {
        List<MediaSection> media = new ArrayList<>();
        media.add(audioOffer(caps, audioPort));
        if (caps.video().isPresent()) {
            media.add(videoOffer(caps, videoPort));
        }
        return session(localAddress, sessionId, version, List.of(new Sdp.Line('t', "0 0")), media);
    }

    /**
     * A new offer in the session of {@code previous} (ours, RFC 3264 §8): the same session id, the version + 1, the
     * same {@code m=} lines in the same order (§8.1) — audio and video refreshed from {@code caps} and the ports, video
     * disabled with port 0 when {@code caps} has none (§8.2: a stream is removed that way, never by dropping its line),
     * any other stream left disabled — and audio or video added at the end when {@code previous} lacked them.
     */
    public static Sdp reoffer(
            Sdp previous, MediaCapabilities caps, InetAddress localAddress, int audioPort, int videoPort) {
        List<MediaSection> media = new ArrayList<>();
        boolean audio = false;
        boolean video = false;
        for (MediaSection m : previous.media()) {
            if (m.type().equals("audio") && !audio) {
                media.add(audioOffer(caps, audioPort));
                audio = true;
            } else if (m.type().equals("video") && !video && caps.video().isPresent()) {
                media.add(videoOffer(caps, videoPort));
                video = true;
            } else {
                media.add(Sections.rejected(m));
            }
        }
        if (!audio) {
            media.add(audioOffer(caps, audioPort));
        }
        if (!video
                && caps.video().isPresent()
                && previous.media().stream().noneMatch(m -> m.type().equals("video"))) {
            media.add(videoOffer(caps, videoPort));
        }
        long version = Long.parseLong(previous.origin().sessionVersion()) + 1;
        return session(localAddress, Long.parseLong(previous.origin().sessionId()), version, previous.lines(), media);
    }

    /**
     * Our answer to an offer (RFC 3264 §6): one {@code m=} line per offered one, in order; the first usable audio and
     * video streams accepted with the offer's payload type numbers (§6.1), the others rejected with port 0 (§6); the
     * offer's {@code t=} lines (§6: "MUST be equal"); directions as §6.1 allows for what we want — audio sendrecv
     * (a sendonly offer is answered recvonly, recvonly sendonly, inactive inactive), video sendonly (a sendrecv or
     * recvonly offer is answered sendonly, a sendonly or inactive one inactive). H.264 is answered with the offer's
     * profile and our level (§8.2.2). {@link Answer.Refused} when nothing could be accepted.
     */
    public static Answer answer(
            Sdp offer,
            MediaCapabilities caps,
            InetAddress localAddress,
            int audioPort,
            int videoPort,
            long sessionId,
            long version) {
        List<MediaSection> sections = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        List<String> declined = new ArrayList<>();
        for (MediaSection o : offer.media()) {
            boolean taken = pending.stream().anyMatch(p -> p.offered.type().equals(o.type()));
            Optional<String> why = o.port() == 0
                    ? Optional.of(o.describe() + ": disabled in the offer")
                    : taken ? Optional.of(o.describe() + ": one " + o.type() + " stream only") : acceptable(o, caps);
            if (why.isEmpty()) {
                why = Legs.unusable(offer, o);
            }
            Optional<Choice> choice = Optional.empty();
            if (why.isEmpty()) {
                boolean audio = o.type().equals("audio");
                List<Format> ours = audio ? Sections.audio(caps) : Sections.video(caps);
                choice = Choice.choose(ours, Format.of(o), false);
                if (choice.isEmpty()) {
                    why = Optional.of(o.describe() + ": no common " + o.type() + " codec (offered: "
                            + Format.describe(o) + "; ours: " + Format.describe(ours) + ")");
                }
            }
            if (why.isPresent()) {
                declined.add(why.get());
                sections.add(Sections.rejected(o));
                continue;
            }
            Direction wanted = o.type().equals("audio") ? Direction.SENDRECV : Direction.SENDONLY;
            MediaSection a =
                    answerSection(o, offer.direction(o).answer(wanted), choice.get(), caps, audioPort, videoPort);
            pending.add(new Pending(o, a, wanted, choice.get()));
            sections.add(a);
        }
        if (pending.isEmpty()) {
            return new Answer.Refused(String.join("; ", declined));
        }
        List<Sdp.Line> times =
                offer.lines().stream().filter(l -> l.type() == 't').toList();
        Sdp sdp = session(
                localAddress,
                sessionId,
                version,
                times.isEmpty() ? List.of(new Sdp.Line('t', "0 0")) : times,
                sections);
        Negotiated.Leg audio = null;
        Negotiated.Leg video = null;
        for (Pending p : pending) {
            // We answered with the offerer's payload type numbers, so both directions use them.
            Negotiated.Leg leg = Legs.build(
                    sdp,
                    p.answered,
                    offer,
                    p.offered,
                    p.wanted,
                    p.choice,
                    p.choice.remote().payloadType(),
                    Format.payloadType(p.choice.remoteEvent()));
            if (p.offered.type().equals("audio")) {
                audio = leg;
            } else {
                video = leg;
            }
        }
        return new Answer.Answered(
                sdp, new Negotiated(Optional.ofNullable(audio), Optional.ofNullable(video), declined));
    }

    /**
     * The remote's answer to {@code ourOffer} (RFC 3264 §6–§7), from a 2xx or a provisional response: the same number
     * of {@code m=} lines of the same media types, else {@link Outcome.Failed}; per stream, port 0 or nothing of ours
     * among its formats is a declined stream; the codec is the answer's first one we offered (§6.1: the answerer's
     * preference), sent with the answer's payload type numbers. Fails when no stream is left.
     */
    public static Outcome accept(Sdp ourOffer, Sdp remoteAnswer) {
        if (ourOffer.media().size() != remoteAnswer.media().size()) {
            return new Outcome.Failed("the answer has " + remoteAnswer.media().size() + " m= lines, the offer "
                    + ourOffer.media().size() + " (RFC 3264 §6)");
        }
        Negotiated.Leg audio = null;
        Negotiated.Leg video = null;
        List<String> declined = new ArrayList<>();
        for (int i = 0; i < ourOffer.media().size(); i++) {
            MediaSection o = ourOffer.media().get(i);
            MediaSection a = remoteAnswer.media().get(i);
            if (!o.type().equals(a.type())) {
                return new Outcome.Failed("m= line " + (i + 1) + " is " + a.type() + " in the answer, " + o.type()
                        + " in the offer (RFC 3264 §6)");
            }
            if (o.port() == 0) {
                continue;
            }
            Legs.Outcome leg = acceptStream(ourOffer, o, remoteAnswer, a);
            switch (leg) {
                case Legs.Outcome.Declined d -> declined.add(d.reason());
                case Legs.Outcome.Built b -> {
                    if (o.type().equals("audio") && audio == null) {
                        audio = b.leg();
                    } else if (o.type().equals("video") && video == null) {
                        video = b.leg();
                    }
                }
            }
        }
        if (audio == null && video == null) {
            return new Outcome.Failed(declined.isEmpty() ? "nothing accepted" : String.join("; ", declined));
        }
        return new Outcome.Agreed(new Negotiated(Optional.ofNullable(audio), Optional.ofNullable(video), declined));
    }

    private static Legs.Outcome acceptStream(Sdp offer, MediaSection o, Sdp answer, MediaSection a) {
        if (a.port() == 0) {
            return new Legs.Outcome.Declined(o.describe() + ": rejected by the answerer");
        }
        if (!a.protocol().equals(o.protocol())) {
            return new Legs.Outcome.Declined(
                    o.describe() + ": answered with " + a.protocol() + " (RFC 3264 §6: the offer's protocol)");
        }
        Optional<String> unusable = Legs.unusable(answer, a);
        if (unusable.isPresent()) {
            return new Legs.Outcome.Declined(unusable.get());
        }
        Optional<Choice> choice = Choice.choose(Format.of(o), Format.of(a), true);
        if (choice.isEmpty()) {
            return new Legs.Outcome.Declined(o.describe() + ": no common " + o.type() + " codec (answered: "
                    + Format.describe(a) + "; offered: " + Format.describe(o) + ")");
        }
        Choice c = choice.get();
        return new Legs.Outcome.Built(Legs.build(
                offer,
                o,
                answer,
                a,
                offer.direction(o),
                c,
                c.local().payloadType(),
                Format.payloadType(c.localEvent())));
    }

    /** An accepted offered stream and our answer to it, until the answer's session exists. */
    private record Pending(MediaSection offered, MediaSection answered, Direction wanted, Choice choice) {}

    private static Optional<String> acceptable(MediaSection o, MediaCapabilities caps) {
        return switch (o.type()) {
            case "audio" -> Optional.empty();
            case "video" ->
                caps.video().isPresent() ? Optional.empty() : Optional.of(o.describe() + ": no camera stream free");
            default -> Optional.of(o.describe() + ": " + o.type() + " is not supported");
        };
    }

    /** Our answer's section: the chosen codec and events under the offer's numbers (RFC 3264 §6.1). */
    private static MediaSection answerSection(
            MediaSection o, Direction direction, Choice c, MediaCapabilities caps, int audioPort, int videoPort) {
        boolean audio = o.type().equals("audio");
        List<Format> formats = new ArrayList<>();
        Format codec = c.local();
        Optional<String> fmtp = codec.fmtp();
        if (!audio) {
            H264Fmtp theirs = H264Fmtp.parse(c.remote().fmtp().orElse("")).orElseThrow();
            H264Fmtp mine = H264Fmtp.parse(codec.fmtp().orElseThrow()).orElseThrow();
            fmtp = Optional.of("profile-level-id="
                    + H264Profiles.answer(theirs.profileLevelId(), mine.profileLevelId())
                    + ";packetization-mode=" + mine.packetizationMode()
                    + (caps.video().orElseThrow().levelAsymmetryAllowed() ? ";level-asymmetry-allowed=1" : ""));
        }
        formats.add(new Format(c.remote().payloadType(), codec.map(), fmtp));
        c.localEvent()
                .ifPresent(e ->
                        formats.add(new Format(c.remoteEvent().orElseThrow().payloadType(), e.map(), e.fmtp())));
        return Sections.rtp(
                o.type(),
                audio ? audioPort : videoPort,
                o.protocol(),
                formats,
                audio ? OptionalInt.of(caps.ptime()) : OptionalInt.empty(),
                caps.rtcpMux() && o.rtcpMux(),
                direction);
    }

    private static MediaSection audioOffer(MediaCapabilities caps, int port) {
        return Sections.rtp(
                "audio",
                port,
                "RTP/AVP",
                Sections.audio(caps),
                OptionalInt.of(caps.ptime()),
                caps.rtcpMux(),
                Direction.SENDRECV);
    }

    private static MediaSection videoOffer(MediaCapabilities caps, int port) {
        return Sections.rtp(
                "video",
                port,
                "RTP/AVP",
                Sections.video(caps),
                OptionalInt.empty(),
                caps.rtcpMux(),
                Direction.SENDONLY);
    }

    private static Sdp session(
            InetAddress local, long sessionId, long version, List<Sdp.Line> times, List<MediaSection> media) {
        for (MediaSection m : media) {
            if (m.port() < 0
                    || m.port() > 65535
                    || (m.port() == 0 && !m.attributes().isEmpty())) {
                throw new IllegalArgumentException("a stream we offer or accept needs a port 1–65535: " + m.describe());
            }
        }
        Connection c = Connection.of(local);
        return new Sdp(Sdp.Origin.of(sessionId, version, c), "-", Optional.of(c), times, List.of(), media);
    }
}
