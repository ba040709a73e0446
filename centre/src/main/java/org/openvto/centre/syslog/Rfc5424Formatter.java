package org.openvto.centre.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openvto.centre.OutboxMessage;

/**
 * One outbox message as an RFC 5424 syslog message (§6):
 *
 * <pre>
 * &lt;PRI&gt;1 TIMESTAMP HOSTNAME openvto - MSGID [openvto@32473 key="…" topic="…"] BOM MSG
 * &lt;129&gt;1 2026-12-01T12:00:00.250Z vto-8001 openvto - alarm/duress/raised [openvto@32473 key="vto-alarm-17" topic="alarm/duress/raised"] BOM{"key":"vto-alarm-17",…}
 * </pre>
 *
 * (here: facility {@code local0}, a duress alarm), where
 *
 * <ul>
 *   <li>PRI = facility × 8 + severity (§6.2.1); severity by topic ({@link #severity}): {@code alert} (1) for the
 *       tamper, duress and forced-open alarms, {@code warning} (4) for the other alarms, {@code notice} (5) for the
 *       security log and anything else.
 *   <li>TIMESTAMP: when the message was created (its {@link OutboxMessage#createdAt}, not when this attempt is
 *       made), RFC 3339 in UTC with milliseconds (§6.2.3); {@code -} outside the years 0000–9999.
 *   <li>HOSTNAME: as given, printable US-ASCII only (anything else becomes {@code _}), at most {@value
 *       #MAX_HOSTNAME} characters; APP-NAME {@code openvto}; PROCID {@code -}; MSGID: the topic the same way, at
 *       most 32 characters (§6.2.7).
 *   <li>STRUCTURED-DATA: one element {@code openvto@32473} with the idempotency {@code key} and the {@code topic},
 *       {@code "}, {@code \} and {@code ]} escaped with a backslash (§6.3.3), each value at most {@value
 *       #MAX_PARAM_BYTES} bytes of UTF-8 after escaping (cut at a character, never inside an escape). 32473 is the
 *       private enterprise number RFC 5612 reserves for documentation: a deployment that registers its own should
 *       change {@link #SD_ID}.
 *   <li>MSG: the UTF-8 BOM and the JSON body (§6.4); omitted with an empty body.
 * </ul>
 *
 * The whole message is at most {@code maxSize} bytes: a longer MSG is cut at its end, at a UTF-8 character
 * boundary (§6.1; the header and structured data are bounded well below {@link SyslogConfig#MIN_SIZE}, so they are
 * never cut). A cut JSON body is no longer JSON: the full body goes to the centre's other destinations. Whatever the
 * topic, key, host name or body, the result is a well-formed RFC 5424 message (its fuzz test checks this).
 * Immutable and thread-safe.
 */
public final class Rfc5424Formatter {
    public static final String APP_NAME = "openvto";
    public static final String SD_ID = "openvto@32473";
    public static final int ALERT = 1;
    public static final int WARNING = 4;
    public static final int NOTICE = 5;
    static final int MAX_HOSTNAME = 64;
    static final int MAX_MSGID = 32;
    static final int MAX_PARAM_BYTES = 128;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

    private final int facility;
    private final String hostname;
    private final int maxSize;

    /** {@code facility} 0–23, {@code hostname} this VTO's name or address, {@code maxSize} ≥ 480 bytes. */
    public Rfc5424Formatter(int facility, String hostname, int maxSize) {
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("facility must be 0–23: " + facility);
        }
        if (maxSize < SyslogConfig.MIN_SIZE) {
            throw new IllegalArgumentException("maxSize must be at least " + SyslogConfig.MIN_SIZE + ": " + maxSize);
        }
        this.facility = facility;
        this.hostname = printable(hostname, MAX_HOSTNAME);
        this.maxSize = maxSize;
    }

    /** The syslog severity for a topic (see the class comment). */
    public static int severity(String topic) {
        if (topic.startsWith("alarm/")) {
            String type = topic.substring("alarm/".length());
            int slash = type.indexOf('/');
            type = slash < 0 ? type : type.substring(0, slash);
            return switch (type) {
                case "tamper", "duress", "forced-open" -> ALERT;
                default -> WARNING;
            };
        }
        return NOTICE;
    }

    /** The message for {@code m}, at most {@code maxSize} bytes. */
    public byte[] format(OutboxMessage m) {
        StringBuilder head = new StringBuilder(160)
                .append('<')
                .append(facility * 8 + severity(m.topic()))
                .append(">1 ") // §6.2.2 VERSION
                .append(timestamp(m.createdAt()))
                .append(' ')
                .append(hostname)
                .append(' ')
                .append(APP_NAME)
                .append(" - ") // PROCID: the VTO is one process, the number means nothing to the centre
                .append(printable(m.topic(), MAX_MSGID))
                .append(" [")
                .append(SD_ID)
                .append(" key=\"")
                .append(paramValue(m.key()))
                .append("\" topic=\"")
                .append(paramValue(m.topic()))
                .append("\"]");
        byte[] header = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = m.body().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxSize, header.length + 4 + body.length));
        out.writeBytes(header);
        if (body.length == 0) {
            return out.toByteArray(); // §6: "SD [SP MSG]"
        }
        int room = maxSize - header.length - 1 - BOM.length;
        out.write(' ');
        out.writeBytes(BOM);
        out.write(body, 0, utf8Prefix(body, room));
        return out.toByteArray();
    }

    /** The length of the longest prefix of {@code utf8} of at most {@code limit} bytes that ends at a character. */
    static int utf8Prefix(byte[] utf8, int limit) {
        if (utf8.length <= limit) {
            return utf8.length;
        }
        int cut = Math.max(limit, 0);
        while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) {
            cut--; // utf8[cut] continues a character: cut before that character starts
        }
        return cut;
    }

    private static String timestamp(Instant at) {
        return at.isBefore(FIRST) || !at.isBefore(AFTER_LAST) ? "-" : TIMESTAMP.format(at); // §6.2.3: 4DIGIT year
    }

    /** PRINTUSASCII (§6): 33–126, anything else {@code _}; at most {@code max} characters; {@code -} if empty. */
    static String printable(String s, int max) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; ) {
            int cp = s.codePointAt(i);
            b.append(cp >= 33 && cp <= 126 ? (char) cp : '_');
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /**
     * §6.3.3: {@code "}, {@code \} and {@code ]} escaped; an unpaired surrogate (not encodable as UTF-8) becomes
     * U+FFFD; at most {@value #MAX_PARAM_BYTES} bytes of UTF-8, cut before the character that would not fit.
     */
    static String paramValue(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length() + 8, MAX_PARAM_BYTES));
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && Character.charCount(cp) == 1) {
                cp = 0xFFFD;
            }
            boolean escaped = cp == '"' || cp == '\\' || cp == ']';
            int size = (escaped ? 1 : 0) + utf8Length(cp);
            if (bytes + size > MAX_PARAM_BYTES) {
                break;
            }
            bytes += size;
            if (escaped) {
                b.append('\\');
            }
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
