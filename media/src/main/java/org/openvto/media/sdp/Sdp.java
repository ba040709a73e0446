package org.openvto.media.sdp;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openvto.media.sdp.internal.AttributeRules;

/**
 * A session description (RFC 8866) as read by {@link SdpParser} or built for an offer or answer ({@link OfferAnswer}).
 * Lines this package does not interpret ({@code i=}, {@code u=}, {@code e=}, {@code p=}, {@code b=}, {@code t=},
 * {@code r=}, {@code z=}, {@code k=}) and unknown attributes are kept, so {@link #format()} writes back what was read
 * (in RFC 8866 §5 order, with CRLF line ends) and parsing that text gives an equal description. Immutable.
 *
 * @param origin     {@code o=}
 * @param name       {@code s=} ("-" stands in for an empty or missing one, RFC 3264 §5)
 * @param connection the session-level {@code c=}, empty when each media section has its own
 * @param lines      the other session-level lines in RFC 8866 §5 order
 * @param attributes the session-level {@code a=} lines in order
 * @param media      the {@code m=} sections in order
 */
public record Sdp(
        Origin origin,
        String name,
        Optional<Connection> connection,
        List<Line> lines,
        List<Attribute> attributes,
        List<MediaSection> media) {
    public Sdp {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(connection, "connection");
        name = name == null || name.isBlank() ? "-" : name;
        if (name.chars().anyMatch(c -> c < ' ' && c != '\t')) {
            throw new IllegalArgumentException("s= holds a control character");
        }
        lines = Line.ordered(lines, "iuepcbtrzk");
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
        AttributeRules.check(attributes, false).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
    }

    /**
     * {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <address>} (RFC 8866 §5.2). Id and version are
     * decimal digits kept as text: peers may use more than 63 bits.
     */
    public record Origin(String username, String sessionId, String sessionVersion, Connection address) {
        public Origin {
            if (username.isEmpty()
                    || username.chars().anyMatch(c -> c <= ' ')
                    || !sessionId.matches("[0-9]{1,40}")
                    || !sessionVersion.matches("[0-9]{1,40}")) {
                throw new IllegalArgumentException("o=: a username without blanks and decimal session id and version");
            }
            Objects.requireNonNull(address, "address");
        }

        /** This device's origin: username "-" (RFC 3264 §5). */
        public static Origin of(long sessionId, long sessionVersion, Connection address) {
            if (sessionId < 0 || sessionVersion < 0) {
                throw new IllegalArgumentException("session id and version are non-negative (RFC 3264 §5)");
            }
            return new Origin("-", Long.toString(sessionId), Long.toString(sessionVersion), address);
        }

        public String format() {
            return username + " " + sessionId + " " + sessionVersion + " " + address.format();
        }
    }

    /** A line kept as it is: its type letter and its value. */
    public record Line(char type, String value) {
        public Line {
            if (type < 'a' || type > 'z' || value.chars().anyMatch(c -> c < ' ' && c != '\t')) {
                throw new IllegalArgumentException("a type letter and a value without control characters");
            }
        }

        /** {@code lines} in the order of {@code letters} (stable), refusing any type not among them. */
        static List<Line> ordered(List<Line> lines, String letters) {
            for (Line l : lines) {
                if (letters.indexOf(l.type()) < 0 || l.type() == 'c') {
                    throw new IllegalArgumentException(l.type() + "= is not kept as a plain line here");
                }
            }
            return lines.stream()
                    .sorted(Comparator.comparingInt(l -> letters.indexOf(l.type())))
                    .toList();
        }
    }

    /**
     * The direction in force for a section: its own attribute, else the session-level one, else {@code sendrecv}
     * (RFC 3264 §5.1).
     */
    public Direction direction(MediaSection m) {
        return m.direction().or(this::direction).orElse(Direction.SENDRECV);
    }

    /** The session-level direction attribute. */
    public Optional<Direction> direction() {
        return attributes.stream()
                .map(a -> Direction.fromAttribute(a.name()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The connection for a section: its own {@code c=}, else the session's (RFC 8866 §5.7). */
    public Optional<Connection> connection(MediaSection m) {
        return m.connection().or(this::connection);
    }

    /** The description with CRLF line ends. */
    public String format() {
        StringBuilder s = new StringBuilder();
        line(s, 'v', "0");
        line(s, 'o', origin.format());
        line(s, 's', name);
        lines(s, lines, "iuep");
        connection.ifPresent(c -> line(s, 'c', c.format()));
        lines(s, lines, "btrzk");
        attributes.forEach(a -> line(s, 'a', a.format()));
        for (MediaSection m : media) {
            StringBuilder ml = new StringBuilder().append(m.type()).append(' ').append(m.port());
            m.portCount().ifPresent(n -> ml.append('/').append(n));
            ml.append(' ').append(m.protocol());
            m.formats().forEach(f -> ml.append(' ').append(f));
            line(s, 'm', ml.toString());
            lines(s, m.lines(), "i");
            m.connection().ifPresent(c -> line(s, 'c', c.format()));
            lines(s, m.lines(), "bk");
            m.attributes().forEach(a -> line(s, 'a', a.format()));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    private static void lines(StringBuilder s, List<Line> lines, String letters) {
        lines.stream().filter(l -> letters.indexOf(l.type()) >= 0).forEach(l -> line(s, l.type(), l.value()));
    }

    private static void line(StringBuilder s, char type, String value) {
        s.append(type).append('=').append(value).append("\r\n");
    }
}
