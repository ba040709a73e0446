package org.openvto.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * The SDP session description (RFC 8866) of an RTSP DESCRIBE answer. Immutable; {@link #format()} gives the text with
 * CRLF line ends, written through {@link Sdp} (calls build theirs with {@link OfferAnswer}).
 *
 * @param originId {@code o=} sess-id (a number; kept across DESCRIBEs of the same stream so clients see one session)
 * @param originVersion {@code o=} sess-version, bumped when the stream's format changes
 * @param address the unicast address written in {@code o=} ({@code c=} says 0.0.0.0: RTSP gives addresses in SETUP)
 * @param name {@code s=}, the device name (never empty: "-" stands in, as RFC 8866 §5.3 asks)
 * @param attributes session-level {@code a=} lines, without the {@code a=}
 * @param media the {@code m=} sections
 */
public record SessionDescription(
        long originId, long originVersion, String address, String name, List<String> attributes, List<Media> media) {
    public SessionDescription {
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
        name = name == null || name.isBlank() ? "-" : name.replaceAll("[\\x00-\\x08\\x0A-\\x1F]", " ");
    }

    /**
     * One media section.
     *
     * @param type {@code video} or {@code audio}
     * @param port the port ({@code 0} in RTSP descriptions)
     * @param protocol {@code RTP/AVP}
     * @param formats payload types
     * @param attributes {@code a=} lines without the {@code a=}
     */
    public record Media(String type, int port, String protocol, List<Integer> formats, List<String> attributes) {
        public Media {
            formats = List.copyOf(formats);
            attributes = List.copyOf(attributes);
        }
    }

    public String format() {
        return toSdp().format();
    }

    /** This description as the general model the parser reads and offer/answer writes. */
    public Sdp toSdp() {
        String family = family(address);
        return new Sdp(
                new Sdp.Origin(
                        "-",
                        Long.toUnsignedString(originId),
                        Long.toUnsignedString(originVersion),
                        new Connection("IN", family, address)),
                name,
                Optional.of(new Connection("IN", family, address.contains(":") ? "::" : "0.0.0.0")),
                List.of(new Sdp.Line('t', "0 0")),
                attributes.stream().map(Attribute::parse).toList(),
                media.stream()
                        .map(m -> MediaSection.rtp(
                                m.type(),
                                m.port(),
                                m.protocol(),
                                m.formats(),
                                Optional.empty(),
                                m.attributes().stream().map(Attribute::parse).toList()))
                        .toList());
    }

    private static String family(String address) {
        return address.contains(":") ? "IP6" : "IP4";
    }
}
