package org.openvto.media.sdp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.openvto.media.sdp.Attribute;
import org.openvto.media.sdp.Connection;
import org.openvto.media.sdp.MediaSection;
import org.openvto.media.sdp.Sdp;
import org.openvto.media.sdp.SdpParser;
import org.openvto.media.sdp.SdpParser.Result;

/**
 * The parser behind {@link SdpParser}: one pass over the lines, the session section then each media section (RFC
 * 8866 §5). Each check returns a reason; the first one ends the read. One instance per body.
 */
public final class SdpReader {
    /** Letters RFC 8866 §5 allows before the first {@code m=} only. */
    private static final String SESSION_ONLY = "vosueptrz";

    private static final String KEPT_SESSION = "iuepbtrzk";
    private static final String KEPT_MEDIA = "ibk";

    private int number;
    private String raw;
    private Sdp.Origin origin;
    private String name;
    private Connection connection;
    private final List<Sdp.Line> lines = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<Section> media = new ArrayList<>();

    private SdpReader() {}

    /** A media section while it is read. */
    private static final class Section {
        final int line;
        final String type;
        final int port;
        final OptionalInt portCount;
        final String protocol;
        final List<String> formats;
        Connection connection;
        final List<Sdp.Line> lines = new ArrayList<>();
        final List<Attribute> attributes = new ArrayList<>();

        Section(int line, String type, int port, OptionalInt portCount, String protocol, List<String> formats) {
            this.line = line;
            this.type = type;
            this.port = port;
            this.portCount = portCount;
            this.protocol = protocol;
            this.formats = formats;
        }

        MediaSection build() {
            return new MediaSection(
                    type, port, portCount, protocol, formats, Optional.ofNullable(connection), lines, attributes);
        }
    }

    public static Result read(String text) {
        SdpReader r = new SdpReader();
        Optional<String> why = r.readAll(text);
        return why.<Result>map(Result.Malformed::new).orElseGet(r::build);
    }

    private Optional<String> readAll(String text) {
        String[] all = text.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < all.length; i++) {
            number = i + 1;
            raw = all[i].endsWith("\r") ? all[i].substring(0, all[i].length() - 1) : all[i];
            if (raw.length() > SdpParser.MAX_LINE) {
                return at("longer than " + SdpParser.MAX_LINE + " characters");
            }
            if (raw.chars().anyMatch(c -> c < ' ' && c != '\t')) {
                return at("a control character (RFC 8866 §9 allows none but tab)");
            }
            String line = raw.stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            Optional<String> why = line(line, seen++);
            if (why.isPresent()) {
                return why;
            }
        }
        if (origin == null) {
            return Optional.of("no v=0 and o= lines (RFC 8866 §5)");
        }
        if (media.isEmpty()) {
            return Optional.of("no m= line: nothing to negotiate");
        }
        for (Section s : media) {
            if (s.port != 0 && s.connection == null && connection == null) {
                return Optional.of("line " + s.line + ": m=" + s.type + " " + s.port
                        + " has no c= at media or session level (RFC 8866 §5.7)");
            }
        }
        return Optional.empty();
    }

    private Optional<String> line(String line, int index) {
        char type = line.charAt(0);
        if (line.length() < 2 || line.charAt(1) != '=' || type < 'a' || type > 'z') {
            return at("not <type>=<value> (RFC 8866 §5)");
        }
        String value = line.substring(2);
        if (index == 0) {
            return type == 'v' && value.equals("0") ? Optional.empty() : at("the description must start with v=0");
        }
        if (index == 1) {
            return type == 'o' ? origin(value) : at("o= must follow v=0 (RFC 8866 §5)");
        }
        if ("vosiuepcbtrzkam".indexOf(type) < 0) {
            return at("type letter '" + type + "' is not defined by RFC 8866 §5, so the description is refused");
        }
        if (type == 'm') {
            return media(value);
        }
        return media.isEmpty() ? sessionLine(type, value) : mediaLine(media.getLast(), type, value);
    }

    private Optional<String> sessionLine(char type, String value) {
        switch (type) {
            case 'v', 'o' -> {
                return at("a second " + type + "=");
            }
            case 's' -> {
                if (name != null) {
                    return at("a second s=");
                }
                name = value;
                return Optional.empty();
            }
            case 'c' -> {
                if (connection != null) {
                    return at("a second session-level c=");
                }
                return connection(value)
                        .map(c -> {
                            connection = c;
                            return Optional.<String>empty();
                        })
                        .orElseGet(() -> at("not c=<nettype> <addrtype> <address>"));
            }
            case 'a' -> {
                return attribute(value, attributes, false);
            }
            default -> {
                if (KEPT_SESSION.indexOf(type) < 0) {
                    return at("unexpected " + type + "=");
                }
                lines.add(new Sdp.Line(type, value));
                return Optional.empty();
            }
        }
    }

    private Optional<String> mediaLine(Section s, char type, String value) {
        if (SESSION_ONLY.indexOf(type) >= 0) {
            return at(type + "= belongs before the first m= (RFC 8866 §5)");
        }
        switch (type) {
            case 'c' -> {
                if (s.connection != null) {
                    return at("a second c= in m=" + s.type);
                }
                return connection(value)
                        .map(c -> {
                            s.connection = c;
                            return Optional.<String>empty();
                        })
                        .orElseGet(() -> at("not c=<nettype> <addrtype> <address>"));
            }
            case 'a' -> {
                return attribute(value, s.attributes, true);
            }
            default -> {
                if (KEPT_MEDIA.indexOf(type) < 0) {
                    return at("unexpected " + type + "=");
                }
                s.lines.add(new Sdp.Line(type, value));
                return Optional.empty();
            }
        }
    }

    private Optional<String> origin(String value) {
        String[] f = fields(value);
        if (f.length != 6) {
            return at("not o=<username> <sess-id> <sess-version> IN <addrtype> <address> (RFC 8866 §5.2)");
        }
        if (!f[1].matches("[0-9]{1,40}") || !f[2].matches("[0-9]{1,40}")) {
            return at("o= session id and version must be decimal numbers (RFC 8866 §5.2)");
        }
        origin = new Sdp.Origin(f[0], f[1], f[2], new Connection(f[3], f[4], f[5]));
        return Optional.empty();
    }

    private Optional<String> media(String value) {
        if (media.size() == SdpParser.MAX_MEDIA) {
            return at("more than " + SdpParser.MAX_MEDIA + " m= sections");
        }
        String[] f = fields(value);
        if (f.length < 3) {
            return at("not m=<media> <port> <proto> <fmt> … (RFC 8866 §5.14)");
        }
        String[] port = f[1].split("/", -1);
        if (port.length > 2 || !port[0].matches("[0-9]{1,5}") || Integer.parseInt(port[0]) > 65535) {
            return at("port '" + f[1] + "' is not 0–65535");
        }
        if (port.length == 2 && (!port[1].matches("[0-9]{1,5}") || Integer.parseInt(port[1]) == 0)) {
            return at("number of ports '" + port[1] + "' is not a positive number");
        }
        if (!Attribute.isToken(f[0]) || !Attribute.isToken(f[2].replace("/", ""))) {
            return at("media type and protocol must be tokens");
        }
        List<String> formats = List.of(f).subList(3, f.length);
        int p = Integer.parseInt(port[0]);
        if (formats.isEmpty() && p != 0) {
            return at("no format for a stream with port " + p);
        }
        for (String fmt : formats) {
            boolean pt = fmt.matches("[0-9]{1,3}") && Integer.parseInt(fmt) <= 127;
            if (MediaSection.isRtp(f[2]) ? !pt : !Attribute.isToken(fmt)) {
                return at("format '" + fmt + "' is not "
                        + (MediaSection.isRtp(f[2]) ? "an RTP payload type 0–127" : "a token"));
            }
        }
        OptionalInt count = port.length == 2 ? OptionalInt.of(Integer.parseInt(port[1])) : OptionalInt.empty();
        media.add(new Section(number, f[0], p, count, f[2], formats));
        return Optional.empty();
    }

    private Optional<String> attribute(String value, List<Attribute> section, boolean mediaLevel) {
        if (section.size() == SdpParser.MAX_ATTRIBUTES) {
            return at("more than " + SdpParser.MAX_ATTRIBUTES + " attributes in one section");
        }
        int colon = value.indexOf(':');
        String attName = colon < 0 ? value : value.substring(0, colon);
        if (!Attribute.isToken(attName)) {
            return at("attribute name '" + attName + "' is not a token (RFC 8866 §5.13)");
        }
        Attribute a = Attribute.parse(value);
        Optional<String> why = AttributeRules.check(a, section, mediaLevel);
        if (why.isPresent()) {
            return at(why.get());
        }
        section.add(a);
        return Optional.empty();
    }

    private static Optional<Connection> connection(String value) {
        String[] f = fields(value);
        return f.length == 3 ? Optional.of(new Connection(f[0], f[1], f[2])) : Optional.empty();
    }

    private static String[] fields(String value) {
        String s = value.strip();
        return s.isEmpty() ? new String[0] : s.split("[ \t]+");
    }

    private Result build() {
        return new Result.Parsed(new Sdp(
                origin,
                name,
                Optional.ofNullable(connection),
                lines,
                attributes,
                media.stream().map(Section::build).toList()));
    }

    /** A reason naming the current line: {@code line 7 "m=audio x RTP/AVP 0": port 'x' is not 0–65535}. */
    private Optional<String> at(String why) {
        // The peer's text goes into logs and call records: no control characters, not too much of it.
        String shown = (raw.length() > 60 ? raw.substring(0, 57) + "..." : raw).replaceAll("[\\x00-\\x1F\\x7F]", "?");
        return Optional.of("line " + number + " \"" + shown.stripTrailing() + "\": " + why);
    }
}
