package org.openvto.media.sdp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.openvto.media.sdp.Attribute;
import org.openvto.media.sdp.Direction;
import org.openvto.media.sdp.MediaCapabilities;
import org.openvto.media.sdp.MediaSection;
import org.openvto.media.sdp.RtpMap;

/** The media sections this device writes: from its capabilities (offers) and from a choice (answers). */
public final class Sections {
    private Sections() {}

    /** Our audio formats, most preferred first, then telephone-event. */
    public static List<Format> audio(MediaCapabilities caps) {
        List<Format> out = new ArrayList<>();
        caps.audio().forEach(a -> out.add(new Format(a.payloadType(), a.rtpmap(), Optional.empty())));
        caps.telephoneEvent()
                .ifPresent(t -> out.add(new Format(
                        t.payloadType(),
                        new RtpMap(t.payloadType(), "telephone-event", 8000, ""),
                        Optional.of(t.events()))));
        return out;
    }

    /** Our H.264 formats, one per packetization mode in preference order; none without video. */
    public static List<Format> video(MediaCapabilities caps) {
        List<Format> out = new ArrayList<>();
        caps.video().ifPresent(v -> {
            for (int i = 0; i < v.packetizationModes().size(); i++) {
                int pt = v.payloadType(i);
                out.add(new Format(
                        pt,
                        new RtpMap(pt, "H264", 90000, ""),
                        Optional.of(v.fmtp(v.packetizationModes().get(i)))));
            }
        });
        return out;
    }

    /**
     * An RTP section listing {@code formats} under their own payload types, with {@code a=ptime} for audio, {@code
     * a=rtcp-mux} when asked, and the direction always written (RFC 3264 §5.1 makes sendrecv the default; writing it
     * leaves no doubt).
     */
    public static MediaSection rtp(
            String type,
            int port,
            String protocol,
            List<Format> formats,
            OptionalInt ptime,
            boolean rtcpMux,
            Direction direction) {
        List<Attribute> attributes = new ArrayList<>();
        formats.forEach(f -> attributes.addAll(f.attributes(f.payloadType())));
        ptime.ifPresent(p -> attributes.add(Attribute.of("ptime", Integer.toString(p))));
        if (rtcpMux) {
            attributes.add(Attribute.property("rtcp-mux"));
        }
        attributes.add(Attribute.property(direction.attribute()));
        return MediaSection.rtp(
                type, port, protocol, formats.stream().map(Format::payloadType).toList(), Optional.empty(), attributes);
    }

    /**
     * A stream declined or disabled: port 0 and the other side's formats, nothing else (RFC 3264 §6: "Any media
     * formats listed are ignored. At least one MUST be present").
     */
    public static MediaSection rejected(MediaSection offered) {
        return new MediaSection(
                offered.type(),
                0,
                OptionalInt.empty(),
                offered.protocol(),
                offered.formats(),
                Optional.empty(),
                List.of(),
                List.of());
    }
}
