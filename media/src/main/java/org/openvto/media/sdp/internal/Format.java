package org.openvto.media.sdp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.openvto.media.sdp.Attribute;
import org.openvto.media.sdp.MediaSection;
import org.openvto.media.sdp.RtpMap;

/** One RTP payload format of a media section: payload type, rtpmap (explicit or static) and fmtp parameters. */
public record Format(int payloadType, RtpMap map, Optional<String> fmtp) {
    /** The formats of a section in its order; payload types with no known mapping are left out. */
    public static List<Format> of(MediaSection m) {
        List<Format> out = new ArrayList<>();
        for (int pt : m.payloadTypes()) {
            m.rtpmap(pt).ifPresent(map -> out.add(new Format(pt, map, m.fmtp(pt))));
        }
        return out;
    }

    /** The payload type of a format that may be absent. */
    public static OptionalInt payloadType(Optional<Format> f) {
        return f.map(x -> OptionalInt.of(x.payloadType())).orElse(OptionalInt.empty());
    }

    /** RFC 4733 events rather than a codec. */
    public boolean isEvent() {
        return map.encoding().equalsIgnoreCase("telephone-event");
    }

    /** Whether our format and theirs are one codec we can send them (and H.264 in a configuration we keep to). */
    public boolean matches(Format theirs) {
        if (!theirs.map.is(map.encoding(), map.clockRate()) || !channels(map).equals(channels(theirs.map))) {
            return false;
        }
        return !map.is("H264", 90000) || H264Profiles.sendable(fmtp, theirs.fmtp);
    }

    /** This format's {@code a=rtpmap} and, with parameters, {@code a=fmtp} under another payload type. */
    public List<Attribute> attributes(int pt) {
        List<Attribute> out = new ArrayList<>();
        out.add(Attribute.of("rtpmap", new RtpMap(pt, map.encoding(), map.clockRate(), map.parameters()).format()));
        fmtp.filter(f -> !f.isEmpty()).ifPresent(f -> out.add(Attribute.of("fmtp", pt + " " + f)));
        return out;
    }

    /** How a failure reason lists what a section holds: {@code G722/8000, opus/48000/2, payload type 110}. */
    public static String describe(MediaSection m) {
        return m.payloadTypes().isEmpty()
                ? String.join(", ", m.formats())
                : String.join(
                        ", ",
                        m.payloadTypes().stream()
                                .map(pt -> m.rtpmap(pt).map(RtpMap::describe).orElse("payload type " + pt))
                                .toList());
    }

    /** How a failure reason lists our formats: {@code PCMU/8000, PCMA/8000}. */
    public static String describe(List<Format> formats) {
        return formats.isEmpty()
                ? "nothing known"
                : String.join(
                        ", ", formats.stream().map(f -> f.map().describe()).toList());
    }

    private static String channels(RtpMap m) {
        return m.parameters().isEmpty() ? "1" : m.parameters(); // RFC 8866 §6.6: one channel when not given
    }
}
