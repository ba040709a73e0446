package org.openvto.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OfferAnswerTest {
    private static final InetAddress VTO = address("192.0.2.50");
    private static final MediaCapabilities CAPS = MediaCapabilities.doorStation(Optional.of("42e01f"));

    @Test
    void ourOfferIsPcmuPcmaAndEventsSendrecvAndH264Sendonly() {
        assertThat(OfferAnswer.offer(CAPS, VTO, 20000, 20002, 7, 1).format())
                .isEqualTo(String.join(
                        "\r\n",
                        "v=0",
                        "o=- 7 1 IN IP4 192.0.2.50",
                        "s=-",
                        "c=IN IP4 192.0.2.50",
                        "t=0 0",
                        "m=audio 20000 RTP/AVP 0 8 101",
                        "a=rtpmap:0 PCMU/8000",
                        "a=rtpmap:8 PCMA/8000",
                        "a=rtpmap:101 telephone-event/8000",
                        "a=fmtp:101 0-15",
                        "a=ptime:20",
                        "a=rtcp-mux",
                        "a=sendrecv",
                        "m=video 20002 RTP/AVP 96 97",
                        "a=rtpmap:96 H264/90000",
                        "a=fmtp:96 profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1",
                        "a=rtpmap:97 H264/90000",
                        "a=fmtp:97 profile-level-id=42e01f;packetization-mode=0;level-asymmetry-allowed=1",
                        "a=rtcp-mux",
                        "a=sendonly",
                        ""));
        assertThat(OfferAnswer.offer(CAPS.withoutVideo(), VTO, 20000, 0, 7, 1).media())
                .extracting(MediaSection::type)
                .containsExactly("audio");
    }

    @Test
    void aBaresipOfferIsAnsweredWithPcmuEventsAndMode1VideoSendonly() {
        Sdp offer = Samples.sdp("baresip-offer.sdp");
        var answered = answered(offer, CAPS);
        Sdp sdp = answered.sdp();
        assertThat(sdp.media()).hasSize(2);
        MediaSection audio = sdp.media().get(0);
        assertThat(audio.formats()).containsExactly("0", "101");
        assertThat(audio.fmtp(101)).contains("0-15");
        assertThat(sdp.direction(audio)).isEqualTo(Direction.SENDRECV);
        MediaSection video = sdp.media().get(1);
        assertThat(video.formats()).containsExactly("97"); // baresip's mode-1 payload type, not ours
        assertThat(video.fmtp(97)).contains("profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1");
        assertThat(sdp.direction(video)).isEqualTo(Direction.SENDONLY);
        assertThat(sdp.lines()).containsExactly(new Sdp.Line('t', "0 0"));
        assertThat(sdp.origin().sessionId()).isEqualTo("11");

        Negotiated.Leg a = answered.negotiated().audio().orElseThrow();
        assertThat(a.remoteRtp()).isEqualTo(new InetSocketAddress("192.0.2.2", 10880));
        assertThat(a.remoteRtcp()).isEqualTo(new InetSocketAddress("192.0.2.2", 10881));
        assertThat(a.rtcpMux()).isFalse();
        assertThat(a.format()).isEqualTo(new RtpMap(0, "PCMU", 8000, ""));
        assertThat(a.telephoneEvent()).hasValue(101);
        assertThat(a.receiveTelephoneEvent()).hasValue(101);
        assertThat(a.ptime()).isEqualTo(20);
        assertThat(a.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(a.onHold()).isFalse();
        Negotiated.Leg v = answered.negotiated().video().orElseThrow();
        assertThat(v.format().payloadType()).isEqualTo(97);
        assertThat(v.packetizationMode()).hasValue(1);
        assertThat(v.profileLevelId()).contains("42e01f");
        assertThat(v.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(answered.negotiated().declined()).isEmpty();
    }

    @Test
    void aLinphoneOfferGetsPcmuTheEightKilohertzEventsAndMode0VideoWithItsRtcpPorts() {
        var answered = answered(Samples.sdp("linphone5-offer.sdp"), CAPS);
        MediaSection audio = answered.sdp().media().get(0);
        assertThat(audio.formats()).containsExactly("0", "100");
        MediaSection video = answered.sdp().media().get(1);
        // 42801F is constrained baseline 3.1 (no packetization-mode: mode 0, RFC 6184 §8.1); our level, its profile.
        assertThat(video.fmtp(97)).contains("profile-level-id=42801f;packetization-mode=0;level-asymmetry-allowed=1");
        assertThat(answered.sdp().direction(video)).isEqualTo(Direction.SENDONLY); // it offered recvonly
        Negotiated.Leg a = answered.negotiated().audio().orElseThrow();
        assertThat(a.telephoneEvent()).hasValue(100);
        assertThat(a.remoteRtcp()).isEqualTo(new InetSocketAddress("192.168.1.101", 7079));
        Negotiated.Leg v = answered.negotiated().video().orElseThrow();
        assertThat(v.remoteRtcp()).isEqualTo(new InetSocketAddress("192.168.1.101", 9079));
        assertThat(v.packetizationMode()).hasValue(0);
        assertThat(v.direction()).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void aSippOfferOfPcmaOnlyIsAnsweredWithPcmaAndItsEvents() {
        var answered = answered(Samples.sdp("sipp-uac-offer.sdp"), CAPS);
        assertThat(answered.sdp().media()).hasSize(1);
        assertThat(answered.sdp().media().getFirst().formats()).containsExactly("8", "101");
        assertThat(answered.negotiated().audio().orElseThrow().format().encoding())
                .isEqualTo("PCMA");
        assertThat(answered.negotiated().video()).isEmpty();
    }

    @Test
    void videoIsRefusedWithPortZeroWhenNoCameraStreamIsFree() {
        var answered = answered(Samples.sdp("baresip-offer.sdp"), CAPS.withoutVideo());
        MediaSection video = answered.sdp().media().get(1);
        assertThat(video.port()).isZero();
        assertThat(video.formats()).containsExactly("96", "97", "34", "98", "99");
        assertThat(video.attributes()).isEmpty();
        assertThat(answered.negotiated().video()).isEmpty();
        assertThat(answered.negotiated().declined()).containsExactly("m=video 15672 RTP/AVP: no camera stream free");
    }

    @Test
    void noCommonAudioCodecIsARefusalNamingWhatWasOffered() {
        Sdp offer = Samples.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 9 96 101\r\na=rtpmap:96 opus/48000/2\r\na=rtpmap:101 telephone-event/8000\r\n");
        assertThat(OfferAnswer.answer(offer, CAPS, VTO, 20000, 20002, 11, 1))
                .isEqualTo(new OfferAnswer.Answer.Refused("m=audio 4000 RTP/AVP: no common audio codec (offered: "
                        + "G722/8000, opus/48000/2, telephone-event/8000; ours: PCMU/8000, PCMA/8000, "
                        + "telephone-event/8000)"));
    }

    @Test
    void directionsAreMirroredAndHoldIsSeen() {
        var held = answered(Samples.sdp("ipv6-hold-offer.sdp"), CAPS);
        MediaSection audio = held.sdp().media().getFirst();
        assertThat(held.sdp().direction(audio)).isEqualTo(Direction.RECVONLY); // a sendonly offer
        assertThat(audio.formats()).containsExactly("0", "101"); // our preference among the offer's
        assertThat(audio.rtcpMux()).isTrue();
        Negotiated.Leg a = held.negotiated().audio().orElseThrow();
        assertThat(a.onHold()).isTrue();
        assertThat(a.sends()).isFalse();
        assertThat(a.receives()).isTrue();
        assertThat(a.rtcpMux()).isTrue();
        assertThat(a.remoteRtcp()).isEqualTo(a.remoteRtp());
        assertThat(a.remoteRtp()).isEqualTo(new InetSocketAddress("2001:db8::101", 40000));

        String old = Samples.text("sipp-uac-offer.sdp").replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0");
        Negotiated.Leg zero =
                answered(Samples.parse(old), CAPS).negotiated().audio().orElseThrow();
        assertThat(zero.onHold()).isTrue();
        assertThat(zero.sends()).isFalse();

        String sendonlyVideo =
                Samples.text("baresip-offer.sdp").replace("a=sendrecv\r\na=label:2", "a=sendonly\r\na=label:2");
        var v = answered(Samples.parse(sendonlyVideo), CAPS);
        assertThat(v.sdp().direction(v.sdp().media().get(1))).isEqualTo(Direction.INACTIVE);
        String inactiveAudio = Samples.text("sipp-uac-offer.sdp") + "a=inactive\n";
        var i = answered(Samples.parse(inactiveAudio), CAPS);
        assertThat(i.sdp().direction(i.sdp().media().getFirst())).isEqualTo(Direction.INACTIVE);
        assertThat(i.negotiated().audio().orElseThrow().onHold()).isTrue();
    }

    @Test
    void h264IsMatchedByProfileAndLevel() {
        assertThat(videoAnswer("profile-level-id=4d001f;packetization-mode=1"))
                .contains("profile-level-id=4d001f;packetization-mode=1;level-asymmetry-allowed=1");
        assertThat(videoAnswer("profile-level-id=640c28;packetization-mode=1"))
                .contains("profile-level-id=640c1f;packetization-mode=1;level-asymmetry-allowed=1");
        assertThat(videoAnswer("profile-level-id=42e00d;packetization-mode=1")).isEmpty(); // level 1.3 < our 3.1
        assertThat(videoAnswer("profile-level-id=f4001f;packetization-mode=1")).isPresent(); // High 4:4:4 decodes Main
        assertThat(videoAnswer("profile-level-id=f4101f;packetization-mode=1")).isEmpty(); // its Intra: no P slices
        assertThat(videoAnswer("profile-level-id=58001f;packetization-mode=1")).isPresent(); // Extended; ours has set2
        assertThat(videoAnswer("profile-level-id=53001f;packetization-mode=1")).isEmpty(); // SVC: not ours to judge
        assertThat(videoAnswer("profile-level-id=42e01f;packetization-mode=2")).isEmpty();
    }

    @Test
    void aConstrainedBaselineCameraStreamGoesToA42e0Receiver() {
        // the test camera declares 42c0 (set0+set1); baresip and Linphone write Constrained Baseline as 42e0
        assertThat(org.openvto.media.sdp.internal.H264Profiles.sendable(
                        Optional.of("profile-level-id=42c00d;packetization-mode=1"),
                        Optional.of("packetization-mode=1;profile-level-id=42e01f")))
                .isTrue();
        assertThat(org.openvto.media.sdp.internal.H264Profiles.sendable(
                        Optional.of("profile-level-id=420028;packetization-mode=1"),
                        Optional.of("packetization-mode=1;profile-level-id=42e028")))
                .as("plain Baseline (no set1) is not Constrained Baseline")
                .isFalse();
    }

    @Test
    void theAnswerToOurOfferFromBaresipAgreesPcmuEventsAndVideo() {
        Sdp offer = OfferAnswer.offer(CAPS, VTO, 20000, 20002, 7, 1);
        var agreed = (OfferAnswer.Outcome.Agreed) OfferAnswer.accept(offer, Samples.sdp("baresip-answer.sdp"));
        Negotiated.Leg a = agreed.negotiated().audio().orElseThrow();
        assertThat(a.format().encoding()).isEqualTo("PCMU");
        assertThat(a.receivePayloadType()).isZero();
        assertThat(a.telephoneEvent()).hasValue(101);
        assertThat(a.rtcpMux()).isTrue();
        assertThat(a.remoteRtcp()).isEqualTo(new InetSocketAddress("127.0.0.1", 10880));
        Negotiated.Leg v = agreed.negotiated().video().orElseThrow();
        assertThat(v.format().payloadType()).isEqualTo(96);
        assertThat(v.receivePayloadType()).isEqualTo(96);
        assertThat(v.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(v.onHold()).isFalse();
    }

    @Test
    void anEarlyAnswerIn183FromSippAgreesAudioAndNamesTheRejectedVideo() {
        Sdp offer = OfferAnswer.offer(CAPS, VTO, 20000, 20002, 7, 1);
        var agreed = (OfferAnswer.Outcome.Agreed) OfferAnswer.accept(offer, Samples.sdp("sipp-uas-183-answer.sdp"));
        Negotiated.Leg a = agreed.negotiated().audio().orElseThrow();
        assertThat(a.telephoneEvent()).isEqualTo(OptionalInt.empty());
        assertThat(a.remoteRtcp()).isEqualTo(new InetSocketAddress("127.0.0.1", 6001));
        assertThat(agreed.negotiated().video()).isEmpty();
        assertThat(agreed.negotiated().declined()).containsExactly("m=video 20002 RTP/AVP: rejected by the answerer");
    }

    @Test
    void anAnswerBreakingRfc3264OrWithNothingInCommonFails() {
        Sdp offer = OfferAnswer.offer(CAPS, VTO, 20000, 20002, 7, 1);
        assertThat(OfferAnswer.accept(offer, Samples.sdp("sipp-uac-offer.sdp")))
                .isEqualTo(new OfferAnswer.Outcome.Failed("the answer has 1 m= lines, the offer 2 (RFC 3264 §6)"));
        Sdp g722 = Samples.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 9\r\nm=video 0 RTP/AVP 96\r\n");
        assertThat(OfferAnswer.accept(offer, g722))
                .isEqualTo(new OfferAnswer.Outcome.Failed("m=audio 20000 RTP/AVP: no common audio codec (answered: "
                        + "G722/8000; offered: PCMU/8000, PCMA/8000, telephone-event/8000); m=video 20002 RTP/AVP: "
                        + "rejected by the answerer"));
    }

    @Test
    void aReofferKeepsTheLinesAndBumpsTheVersionAndDisablesVideoWithPortZero() {
        Sdp first = OfferAnswer.offer(CAPS, VTO, 20000, 20002, 7, 1);
        Sdp again = OfferAnswer.reoffer(first, CAPS.withoutVideo(), VTO, 20000, 20002);
        assertThat(again.origin().sessionId()).isEqualTo("7");
        assertThat(again.origin().sessionVersion()).isEqualTo("2");
        assertThat(again.media()).extracting(MediaSection::type).containsExactly("audio", "video");
        assertThat(again.media().get(1).port()).isZero();
        assertThat(Samples.parse(again.format())).isEqualTo(again);
    }

    private static Optional<String> videoAnswer(String fmtp) {
        String offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\nm=video 4002 RTP/AVP 100\r\na=rtpmap:100 H264/90000\r\na=fmtp:100 "
                + fmtp + "\r\n";
        MediaSection video = answered(Samples.parse(offer), CAPS).sdp().media().get(1);
        return video.port() == 0 ? Optional.empty() : video.fmtp(100);
    }

    private static OfferAnswer.Answer.Answered answered(Sdp offer, MediaCapabilities caps) {
        return switch (OfferAnswer.answer(offer, caps, VTO, 20000, 20002, 11, 1)) {
            case OfferAnswer.Answer.Answered a -> a;
            case OfferAnswer.Answer.Refused r -> throw new AssertionError(r.reason());
        };
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
