package org.openvto.centre.syslog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict reader of RFC 5424 §6 messages, written from the ABNF and independent of the formatter: every field
 * is checked against its grammar and length and anything else is an {@link AssertionError} naming what is wrong.
 * Also reads RFC 6587 octet-counted frames from a stream. What the receivers of the tests parse arrivals with.
 */
final class Rfc5424Parser {
    /** A parsed message; {@code sd} maps {@code SD-ID} → (name → unescaped value), {@code msg} is after the BOM. */
    record Message(
            int pri,
            String timestamp,
            String hostname,
            String appName,
            String procId,
            String msgId,
            Map<String, Map<String, String>> sd,
            boolean bom,
            byte[] msg) {
        int facility() {
            return pri / 8;
        }

        int severity() {
            return pri % 8;
        }

        String text() {
            return new String(msg, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d{1,6})?"
                    + "(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)");

    private final byte[] b;
    private int i;

    private Rfc5424Parser(byte[] bytes) {
        this.b = bytes;
    }

    static Message parse(byte[] bytes) {
        return new Rfc5424Parser(bytes).message();
    }

    /** One RFC 6587 §3.4.1 frame ({@code MSG-LEN SP SYSLOG-MSG}) from {@code in}; {@code null} at the end. */
    static byte[] readFrame(InputStream in) throws IOException {
        int len = 0;
        int digits = 0;
        int c;
        while ((c = in.read()) != ' ') {
            if (c < 0) {
                if (digits == 0) {
                    return null;
                }
                throw new AssertionError("stream ended inside MSG-LEN");
            }
            if (c < '0' || c > '9' || (digits == 0 && c == '0') || digits > 9) {
                throw new AssertionError("MSG-LEN is not NONZERO-DIGIT *DIGIT: char " + c);
            }
            len = len * 10 + (c - '0');
            digits++;
        }
        if (digits == 0) {
            throw new AssertionError("empty MSG-LEN");
        }
        byte[] msg = in.readNBytes(len);
        if (msg.length != len) {
            throw new AssertionError("frame announced " + len + " octets, stream ended after " + msg.length);
        }
        return msg;
    }

    private Message message() {
        expect('<');
        int start = i;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        String prival = ascii(start, i);
        if (prival.isEmpty() || prival.length() > 3 || (prival.length() > 1 && prival.startsWith("0"))) {
            throw new AssertionError("PRIVAL " + prival);
        }
        int pri = Integer.parseInt(prival);
        if (pri > 191) {
            throw new AssertionError("PRIVAL above 191: " + pri);
        }
        expect('>');
        expect('1');
        expect(' ');
        String ts = field("TIMESTAMP", 64);
        if (!ts.equals("-") && !TIMESTAMP.matcher(ts).matches()) {
            throw new AssertionError("TIMESTAMP not RFC 3339: " + ts);
        }
        expect(' ');
        String host = field("HOSTNAME", 255);
        expect(' ');
        String app = field("APP-NAME", 48);
        expect(' ');
        String proc = field("PROCID", 128);
        expect(' ');
        String msgId = field("MSGID", 32);
        expect(' ');
        Map<String, Map<String, String>> sd = structuredData();
        if (i == b.length) {
            return new Message(pri, ts, host, app, proc, msgId, sd, false, new byte[0]);
        }
        expect(' ');
        boolean bom =
                b.length - i >= 3 && (b[i] & 0xff) == 0xEF && (b[i + 1] & 0xff) == 0xBB && (b[i + 2] & 0xff) == 0xBF;
        byte[] msg = Arrays.copyOfRange(b, bom ? i + 3 : i, b.length);
        if (bom) {
            utf8(msg, "MSG after the BOM"); // §6.4: MSG-UTF8 must be valid UTF-8
        }
        return new Message(pri, ts, host, app, proc, msgId, sd, bom, msg);
    }

    /** NILVALUE or 1*max PRINTUSASCII. */
    private String field(String name, int max) {
        int start = i;
        while (i < b.length && b[i] != ' ') {
            if (b[i] < 33 || b[i] > 126) {
                throw new AssertionError(name + " has a byte outside PRINTUSASCII: " + (b[i] & 0xff));
            }
            i++;
        }
        if (i == start || i - start > max) {
            throw new AssertionError(name + " is empty or longer than " + max);
        }
        return ascii(start, i);
    }

    private Map<String, Map<String, String>> structuredData() {
        Map<String, Map<String, String>> sd = new LinkedHashMap<>();
        if (i < b.length && b[i] == '-') {
            i++;
            return sd;
        }
        if (i >= b.length || b[i] != '[') {
            throw new AssertionError("STRUCTURED-DATA is neither - nor an SD-ELEMENT");
        }
        while (i < b.length && b[i] == '[') {
            i++;
            String id = sdName("SD-ID");
            Map<String, String> params = new LinkedHashMap<>();
            while (i < b.length && b[i] == ' ') {
                i++;
                String name = sdName("PARAM-NAME");
                expect('=');
                expect('"');
                params.put(name, paramValue());
            }
            expect(']');
            if (sd.put(id, params) != null) {
                throw new AssertionError("SD-ID twice: " + id);
            }
        }
        return sd;
    }

    /** 1*32 PRINTUSASCII except {@code = SP ] "}. */
    private String sdName(String what) {
        int start = i;
        while (i < b.length && b[i] >= 33 && b[i] <= 126 && b[i] != '=' && b[i] != ']' && b[i] != '"') {
            i++;
        }
        if (i == start || i - start > 32) {
            throw new AssertionError(what + " is empty or longer than 32");
        }
        return ascii(start, i);
    }

    /** UTF-8 up to the closing {@code "}; {@code \"}, {@code \\}, {@code \]} are the only escapes this side sends. */
    private String paramValue() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (true) {
            if (i >= b.length) {
                throw new AssertionError("PARAM-VALUE not closed");
            }
            byte c = b[i++];
            if (c == '"') {
                break;
            }
            if (c == ']') {
                throw new AssertionError("an unescaped ] in a PARAM-VALUE (§6.3.3)");
            }
            if (c == '\\') {
                if (i >= b.length || (b[i] != '"' && b[i] != '\\' && b[i] != ']')) {
                    throw new AssertionError("a backslash that escapes nothing");
                }
                c = b[i++];
            }
            raw.write(c);
        }
        return utf8(raw.toByteArray(), "PARAM-VALUE");
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(what + " is not valid UTF-8: " + e);
        }
    }

    private void expect(char c) {
        if (i >= b.length || b[i] != c) {
            throw new AssertionError(
                    "expected '" + c + "' at byte " + i + " of " + new String(b, StandardCharsets.UTF_8));
        }
        i++;
    }

    private String ascii(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.US_ASCII);
    }
}
