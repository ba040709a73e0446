package org.openvto.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What this door station can do in a call, for {@link OfferAnswer}: audio codecs in preference order, RFC 4733
 * telephone events, and H.264 video (RFC 6184) when a camera stream is free. Immutable.
 *
 * @param audio          audio codecs, most preferred first (sent and received; sendrecv)
 * @param telephoneEvent DTMF events (RFC 4733), empty to offer none
 * @param ptime          the packet time audio is sent with, ms (RFC 8866 §6.4)
 * @param video          H.264 the door camera sends (sendonly: a monitor's camera is not used); empty when no stream
 *                       is free (the stream limit is reached) or there is no camera
 * @param rtcpMux        whether RTP and RTCP may share one port (RFC 5761) when the peer agrees
 */
public record MediaCapabilities(
        List<AudioCodec> audio,
        Optional<TelephoneEvent> telephoneEvent,
        int ptime,
        Optional<H264> video,
        boolean rtcpMux) {

    /** PCMU (0) and PCMA (8), RFC 3551 §4.5.14, 8,000 Hz. */
    public record AudioCodec(int payloadType, String encoding, int clockRate) {
        public static final AudioCodec PCMU = new AudioCodec(0, "PCMU", 8000);
        public static final AudioCodec PCMA = new AudioCodec(8, "PCMA", 8000);

        public RtpMap rtpmap() {
            return new RtpMap(payloadType, encoding, clockRate, "");
        }
    }

    /**
     * {@code telephone-event/8000} (RFC 4733 §7.1.1) on a dynamic payload type, with the events this device receives.
     *
     * @param events the {@code a=fmtp} event list, e.g. {@code 0-15} (DTMF 0–9, *, #, A–D)
     */
    public record TelephoneEvent(int payloadType, String events) {
        public TelephoneEvent {
            if (!events.matches("[0-9]{1,3}(-[0-9]{1,3})?(,[0-9]{1,3}(-[0-9]{1,3})?)*")) {
                throw new IllegalArgumentException("events are a list of numbers and ranges: " + events);
            }
        }

        public static TelephoneEvent dtmf() {
            return new TelephoneEvent(101, "0-15");
        }
    }

    /**
     * H.264 as the camera stream is encoded (RFC 6184 §8.1).
     *
     * @param payloadType            the dynamic payload type of the first packetization mode; each further mode takes
     *                               the next number
     * @param profileLevelId         the stream's {@code profile-level-id} (its SPS bytes 1–3), e.g. {@code 42e01f}
     * @param packetizationModes     the modes the sender can keep to, preferred first: 1 (FU-A, §6.3) and 0 (single NAL
     *                               units only, §6.2: every NAL unit must then fit a packet)
     * @param levelAsymmetryAllowed  whether {@code level-asymmetry-allowed=1} is offered and answered (RFC 6184 §8.1)
     */
    public record H264(
            int payloadType, String profileLevelId, List<Integer> packetizationModes, boolean levelAsymmetryAllowed) {
        public H264 {
            if (!profileLevelId.matches("[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("profile-level-id is 6 hex digits: " + profileLevelId);
            }
            profileLevelId = profileLevelId.toLowerCase(java.util.Locale.ROOT);
            packetizationModes = List.copyOf(packetizationModes);
            if (packetizationModes.isEmpty()
                    || packetizationModes.stream().anyMatch(m -> m != 0 && m != 1)
                    || Set.copyOf(packetizationModes).size() != packetizationModes.size()) {
                throw new IllegalArgumentException("packetization modes are 1 and/or 0: " + packetizationModes);
            }
        }

        /** Mode 1 preferred, 0 accepted, on payload types 96 and 97, level asymmetry allowed. */
        public static H264 of(String profileLevelId) {
            return new H264(96, profileLevelId, List.of(1, 0), true);
        }

        public int payloadType(int modeIndex) {
            return payloadType + modeIndex;
        }

        /** The {@code a=fmtp} parameters for one mode. */
        public String fmtp(int mode) {
            return "profile-level-id=" + profileLevelId + ";packetization-mode=" + mode
                    + (levelAsymmetryAllowed ? ";level-asymmetry-allowed=1" : "");
        }
    }

    public MediaCapabilities {
        audio = List.copyOf(audio);
        if (audio.isEmpty()) {
            throw new IllegalArgumentException("at least one audio codec");
        }
        if (ptime < 10 || ptime > 200) {
            throw new IllegalArgumentException("ptime 10–200 ms: " + ptime);
        }
        List<Integer> pts =
                new ArrayList<>(audio.stream().map(AudioCodec::payloadType).toList());
        telephoneEvent.ifPresent(t -> pts.add(t.payloadType()));
        video.ifPresent(v -> {
            for (int i = 0; i < v.packetizationModes().size(); i++) {
                pts.add(v.payloadType(i));
            }
        });
        if (pts.stream().anyMatch(pt -> pt < 0 || pt > 127) || new HashSet<>(pts).size() != pts.size()) {
            throw new IllegalArgumentException("payload types are 0–127 and distinct: " + pts);
        }
        if (telephoneEvent.isPresent() && audio.stream().anyMatch(a -> a.clockRate() != 8000)) {
            throw new IllegalArgumentException("telephone-event/8000 needs 8,000 Hz codecs (RFC 4733 §2.1)");
        }
    }

    /**
     * The door station: PCMU then PCMA, DTMF on 101, 20 ms, rtcp-mux, and H.264 with the camera's {@code
     * profile-level-id} when a stream is free.
     */
    public static MediaCapabilities doorStation(Optional<String> cameraProfileLevelId) {
        return new MediaCapabilities(
                List.of(AudioCodec.PCMU, AudioCodec.PCMA),
                Optional.of(TelephoneEvent.dtmf()),
                20,
                cameraProfileLevelId.map(H264::of),
                true);
    }

    /** The same without video: the camera's stream limit is reached. */
    public MediaCapabilities withoutVideo() {
        return new MediaCapabilities(audio, telephoneEvent, ptime, Optional.empty(), rtcpMux);
    }
}
