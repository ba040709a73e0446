package org.openvto.media.sdp;

import java.util.List;

/**
 * An SDP session description (RFC 8866) as this device writes it: RTSP DESCRIBE answers now, call offers and
 * answers later. Immutable; {@link #format()} gives the text with CRLF line ends.
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
        name = name == null || name.isBlank() ? "-" : name.replaceAll("[\r\n]", " ");
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
        StringBuilder s = new StringBuilder();
        line(s, "v=0");
        line(s, "o=- " + originId + " " + originVersion + " IN " + family(address) + " " + address);
        line(s, "s=" + name);
        line(s, "c=IN " + family(address) + " " + (address.contains(":") ? "::" : "0.0.0.0"));
        line(s, "t=0 0");
        attributes.forEach(a -> line(s, "a=" + a));
        for (Media m : media) {
            StringBuilder ml = new StringBuilder("m=")
                    .append(m.type())
                    .append(' ')
                    .append(m.port())
                    .append(' ')
                    .append(m.protocol());
            m.formats().forEach(f -> ml.append(' ').append(f));
            line(s, ml.toString());
            m.attributes().forEach(a -> line(s, "a=" + a));
        }
        return s.toString();
    }

    private static String family(String address) {
        return address.contains(":") ? "IP6" : "IP4";
    }

    private static void line(StringBuilder s, String line) {
        s.append(line).append("\r\n");
    }
}
