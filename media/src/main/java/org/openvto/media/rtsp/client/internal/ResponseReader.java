package org.openvto.media.rtsp.client.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openvto.media.rtsp.client.RtspClientException;

/**
 * Reads what an RTSP server sends on the connection: responses (status line, headers, a body of
 * {@code Content-Length}) and {@code $}-framed interleaved packets (RFC 2326 §10.12), in any order. Limits: a head of
 * {@link #MAX_HEAD} bytes, a body of {@link #MAX_BODY}. Malformed input throws {@link RtspClientException} with status
 * 0; nothing else but {@link IOException}s of the stream escapes. Not thread-safe: one reading thread.
 */
public final class ResponseReader {
    public static final int MAX_HEAD = 8 * 1024;
    public static final int MAX_BODY = 64 * 1024;

    /** One thing read. */
    public sealed interface Message {}

    /** An interleaved packet of {@code channel}; {@code data} is reused by the next read. */
    public record Frame(int channel, byte[] data, int length) implements Message {}

    /** A response; header names lower case, repeated headers kept in order. */
    public record Response(int status, String reason, Map<String, List<String>> headers, byte[] body)
            implements Message {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.getFirst();
        }
    }

    private final InputStream in;
    private final byte[] frame = new byte[65_535];

    public ResponseReader(InputStream in) {
        this.in = in;
    }

    public Message next() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the server closed the connection");
        }
        if (first == '$') {
            int channel = readByte();
            int length = (readByte() << 8) | readByte();
            readFully(frame, length);
            return new Frame(channel, frame, length);
        }
        return response(first);
    }

    private Response response(int first) throws IOException {
        String head = head(first);
        String[] lines = head.split("\r?\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("RTSP/1.")) {
            throw malformed("not an RTSP response: " + printable(lines[0]));
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw malformed("bad status code: " + printable(status[1]));
        }
        if (code < 100 || code > 999) {
            throw malformed("bad status code: " + code);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw malformed("bad header line: " + printable(lines[i]));
            }
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = new byte[0];
        List<String> length = headers.get("content-length");
        if (length != null) {
            int n;
            try {
                n = Integer.parseInt(length.getFirst());
            } catch (NumberFormatException e) {
                throw malformed("bad Content-Length: " + printable(length.getFirst()));
            }
            if (n < 0 || n > MAX_BODY) {
                throw malformed("body of " + n + " bytes: at most " + MAX_BODY);
            }
            body = new byte[n];
            readFully(body, n);
        }
        return new Response(code, status.length > 2 ? status[2] : "", headers, body);
    }

    /** Up to the empty line; {@code first} is the first byte. */
    private String head(int first) throws IOException {
        byte[] buf = new byte[MAX_HEAD];
        buf[0] = (byte) first;
        int n = 1;
        while (true) {
            if (n >= 4 && buf[n - 1] == '\n' && buf[n - 2] == '\r' && buf[n - 3] == '\n' && buf[n - 4] == '\r') {
                return new String(buf, 0, n - 4, StandardCharsets.ISO_8859_1);
            }
            if (n >= 2 && buf[n - 1] == '\n' && buf[n - 2] == '\n') {
                return new String(buf, 0, n - 2, StandardCharsets.ISO_8859_1);
            }
            if (n == MAX_HEAD) {
                throw malformed("response head longer than " + MAX_HEAD + " bytes");
            }
            buf[n++] = (byte) readByte();
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the server closed the connection");
        }
        return b;
    }

    private void readFully(byte[] into, int length) throws IOException {
        int off = 0;
        while (off < length) {
            int n = in.read(into, off, length - off);
            if (n < 0) {
                throw new EOFException("the server closed the connection");
            }
            off += n;
        }
    }

    private static RtspClientException malformed(String why) {
        return new RtspClientException(0, "malformed answer from the camera: " + why);
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
