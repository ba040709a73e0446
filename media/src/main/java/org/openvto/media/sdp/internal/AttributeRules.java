package org.openvto.media.sdp.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.openvto.media.sdp.Attribute;
import org.openvto.media.sdp.Direction;
import org.openvto.media.sdp.Rtcp;
import org.openvto.media.sdp.RtpMap;

/**
 * The attributes this package reads, checked once: by the parser (a reason naming the line) and by the model's
 * constructors (an exception for a programming error), so a description's typed accessors never meet a bad value.
 * Media level: {@code rtpmap}, {@code fmtp} (RFC 8866 §6.6, §6.15), {@code ptime} (§6.4), the direction attributes
 * (§6.7), {@code rtcp} (RFC 3605), {@code rtcp-mux} (RFC 5761 §5.1.1); session level: the direction attributes.
 * Every other attribute is kept unchecked.
 */
public final class AttributeRules {
    private AttributeRules() {}

    /** Why {@code a} cannot follow {@code before} in its section, or empty when it can. */
    public static Optional<String> check(Attribute a, List<Attribute> before, boolean mediaLevel) {
        if (Direction.fromAttribute(a.name()).isPresent()) {
            if (a.value().isPresent()) {
                return Optional.of("a direction attribute takes no value");
            }
            return before.stream()
                            .anyMatch(b -> Direction.fromAttribute(b.name()).isPresent())
                    ? Optional.of("a second direction attribute in the same section (RFC 3264 §5.1)")
                    : Optional.empty();
        }
        if (!mediaLevel) {
            return Optional.empty();
        }
        String v = a.value().orElse(null);
        return switch (a.name()) {
            case "rtpmap" -> {
                Optional<RtpMap> map = v == null ? Optional.empty() : RtpMap.parse(v);
                if (map.isEmpty()) {
                    yield Optional.of("not <payload type> <encoding>/<clock rate>[/<parameters>]");
                }
                int pt = map.get().payloadType();
                yield before.stream()
                                .anyMatch(b -> b.name().equals("rtpmap")
                                        && RtpMap.parse(b.value().orElseThrow())
                                                        .orElseThrow()
                                                        .payloadType()
                                                == pt)
                        ? Optional.of("a second rtpmap for payload type " + pt)
                        : Optional.empty();
            }
            case "fmtp" -> {
                if (v == null || !Attribute.isToken(fmtpFormat(v))) {
                    yield Optional.of("not <format> <parameters>");
                }
                String fmt = fmtpFormat(v);
                yield before.stream()
                                .anyMatch(b -> b.name().equals("fmtp")
                                        && fmtpFormat(b.value().orElseThrow()).equals(fmt))
                        ? Optional.of("a second fmtp for format " + fmt)
                        : Optional.empty();
            }
            case "ptime" ->
                v == null || ptime(v).isEmpty() ? Optional.of("not a packet time in milliseconds") : once(a, before);
            case "rtcp" ->
                v == null || Rtcp.parse(v).isEmpty()
                        ? Optional.of("not <port> [IN IP4|IP6 <address>] (RFC 3605)")
                        : once(a, before);
            case "rtcp-mux" -> v != null ? Optional.of("rtcp-mux takes no value") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Every attribute of a section checked in order; the first reason, with the attribute. */
    public static Optional<String> check(List<Attribute> attributes, boolean mediaLevel) {
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            Optional<String> why = check(a, attributes.subList(0, i), mediaLevel);
            if (why.isPresent()) {
                return Optional.of("a=" + a.format() + ": " + why.get());
            }
        }
        return Optional.empty();
    }

    /** The format an {@code fmtp} value is for: its first word ("" when there is none). */
    public static String fmtpFormat(String value) {
        String s = value.strip();
        int sp = firstBlank(s);
        return sp < 0 ? s : s.substring(0, sp);
    }

    /** The parameters of an {@code fmtp} value: what follows the format, stripped. */
    public static String fmtpParameters(String value) {
        String s = value.strip();
        int sp = firstBlank(s);
        return sp < 0 ? "" : s.substring(sp + 1).strip();
    }

    /** {@code 20} or {@code 20.0} milliseconds (RFC 8866 §6.4 allows a real), rounded up to whole ones; positive. */
    public static OptionalInt ptime(String value) {
        String s = value.strip();
        if (!s.matches("[0-9]{1,6}(\\.[0-9]{1,6})?")) {
            return OptionalInt.empty();
        }
        int ms = new BigDecimal(s).setScale(0, RoundingMode.CEILING).intValueExact();
        return ms > 0 ? OptionalInt.of(ms) : OptionalInt.empty();
    }

    private static Optional<String> once(Attribute a, List<Attribute> before) {
        return before.stream().anyMatch(b -> b.name().equals(a.name()))
                ? Optional.of("a second " + a.name() + " in the same section")
                : Optional.empty();
    }

    private static int firstBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
