package org.openvto.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openvto.media.sdp.internal.AttributeRules;

/**
 * One media description: the {@code m=} line and what follows it up to the next (RFC 8866 §5.14). The attributes are
 * kept in their order, unknown ones included; the ones offer/answer needs are read by the typed accessors, and the
 * constructor refuses values they could not read (see {@code SdpParser} for the same rules as reasons). Immutable.
 *
 * @param type       {@code audio}, {@code video}, or any other token
 * @param port       0–65535; 0 is a disabled or rejected stream (RFC 3264 §5.1, §6)
 * @param portCount  the {@code /<number of ports>} of the {@code m=} line, empty when not written
 * @param protocol   {@code RTP/AVP}, {@code RTP/AVPF}, {@code RTP/SAVP}, …
 * @param formats    the format list as written (payload type numbers for RTP)
 * @param connection this section's {@code c=}, empty when the session-level one applies
 * @param lines      the section's {@code i=}, {@code b=} and {@code k=} lines, kept as they are
 * @param attributes the {@code a=} lines in order
 */
public record MediaSection(
        String type,
        int port,
        OptionalInt portCount,
        String protocol,
        List<String> formats,
        Optional<Connection> connection,
        List<Sdp.Line> lines,
        List<Attribute> attributes) {
    public MediaSection {
        if (!Attribute.isToken(type) || !Attribute.isToken(protocol.replace("/", ""))) {
            throw new IllegalArgumentException("media type and protocol are tokens");
        }
        if (port < 0 || port > 65535 || (portCount.isPresent() && portCount.getAsInt() < 1)) {
            throw new IllegalArgumentException("port 0–65535 and a positive port count");
        }
        formats = List.copyOf(formats);
        if (formats.stream().anyMatch(f -> !Attribute.isToken(f))
                || (isRtp(protocol)
                        && formats.stream().anyMatch(f -> !f.matches("[0-9]{1,3}") || Integer.parseInt(f) > 127))) {
            throw new IllegalArgumentException("formats are tokens, RTP payload types 0–127: " + formats);
        }
        Objects.requireNonNull(connection, "connection");
        lines = Sdp.Line.ordered(lines, "icbk");
        attributes = List.copyOf(attributes);
        AttributeRules.check(attributes, true).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
    }

    /** An RTP stream with one port, no {@code i=}/{@code b=}/{@code k=} lines. */
    public static MediaSection rtp(
            String type,
            int port,
            String protocol,
            List<Integer> payloadTypes,
            Optional<Connection> connection,
            List<Attribute> attributes) {
        return new MediaSection(
                type,
                port,
                OptionalInt.empty(),
                protocol,
                payloadTypes.stream().map(String::valueOf).toList(),
                connection,
                List.of(),
                attributes);
    }

    /** A protocol carrying RTP: RTP/AVP, RTP/AVPF, RTP/SAVP(F), UDP/TLS/RTP/SAVP(F), TCP/RTP/AVP… */
    public static boolean isRtp(String protocol) {
        return protocol.startsWith("RTP/") || protocol.contains("/RTP/");
    }

    public boolean isRtp() {
        return isRtp(protocol);
    }

    /** The formats as payload type numbers; empty for a protocol that is not RTP. */
    public List<Integer> payloadTypes() {
        return isRtp() ? formats.stream().map(Integer::valueOf).toList() : List.of();
    }

    /** The {@code a=rtpmap} of a payload type, or the RFC 3551 static mapping when there is none. */
    public Optional<RtpMap> rtpmap(int payloadType) {
        return values("rtpmap")
                .map(v -> RtpMap.parse(v).orElseThrow())
                .filter(m -> m.payloadType() == payloadType)
                .findFirst()
                .or(() -> RtpMap.staticType(payloadType));
    }

    /** The parameters of {@code a=fmtp:<payloadType>}, empty when there is no such line. */
    public Optional<String> fmtp(int payloadType) {
        return values("fmtp")
                .filter(v -> AttributeRules.fmtpFormat(v).equals(String.valueOf(payloadType)))
                .map(AttributeRules::fmtpParameters)
                .findFirst();
    }

    /** {@code a=ptime} in whole milliseconds. */
    public OptionalInt ptime() {
        return values("ptime")
                .mapToInt(v -> AttributeRules.ptime(v).orElseThrow())
                .findFirst();
    }

    /** This section's own direction attribute; see {@link Sdp#direction(MediaSection)} for the one in force. */
    public Optional<Direction> direction() {
        return attributes.stream()
                .map(a -> Direction.fromAttribute(a.name()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** {@code a=rtcp} (RFC 3605). */
    public Optional<Rtcp> rtcp() {
        return values("rtcp").map(v -> Rtcp.parse(v).orElseThrow()).findFirst();
    }

    /** {@code a=rtcp-mux} (RFC 5761 §5.1.1): RTP and RTCP share this port if both sides say so. */
    public boolean rtcpMux() {
        return attributes.stream().anyMatch(a -> a.name().equals("rtcp-mux"));
    }

    /** How a reason names this section: {@code m=audio 49170 RTP/AVP}. */
    public String describe() {
        return "m=" + type + " " + port + " " + protocol;
    }

    private java.util.stream.Stream<String> values(String name) {
        return attributes.stream()
                .filter(a -> a.name().equals(name))
                .map(a -> a.value().orElseThrow());
    }
}
