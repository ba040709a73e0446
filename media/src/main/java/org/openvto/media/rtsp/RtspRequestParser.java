package org.openvto.media.rtsp;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses the head of an RTSP request (request line and headers up to and including the empty line, RFC 2326 §6).
 * Malformed input is a {@link Result.Malformed} value naming what is wrong, never an exception.
 *
 * <p>Limits: the head is at most {@link #MAX_HEAD} bytes (the framing decoder enforces it), at most
 * {@link #MAX_HEADERS} headers; a {@code Content-Length} above {@link #MAX_BODY} is refused. Pure and thread-safe.
 */
public final class RtspRequestParser {
    public static final int MAX_HEAD = 8192;
    public static final int MAX_HEADERS = 64;
    public static final int MAX_BODY = 4096;

    private RtspRequestParser() {}

    /** What parsing a head gave. */
    public sealed interface Result {
        /** A well-formed head; {@code contentLength} body bytes follow it. */
        record Head(
                String method, String uri, String version, List<Map.Entry<String, String>> headers, int contentLength)
                implements Result {
            public RtspRequest withBody(byte[] body) {
                return new RtspRequest(method, uri, version, headers, body);
            }
        }

        /** Not an RTSP request: answered with 400 and counted. */
        record Malformed(String reason) implements Result {}
    }

    /** Parses {@code head} (ISO-8859-1 octets, lines ended by CRLF or LF, the final empty line included or not). */
    public static Result parse(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n", -1);
        String[] start = lines[0].split(" ", -1);
        if (start.length != 3) {
            return new Result.Malformed("request line must be 'METHOD URI RTSP/1.0'");
        }
        if (!isToken(start[0])) {
            return new Result.Malformed("method is not a token");
        }
        if (start[1].isEmpty() || !start[1].chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return new Result.Malformed("Request-URI is empty or has control characters");
        }
        if (!start[2].startsWith("RTSP/1.")) {
            return new Result.Malformed("unsupported version " + printable(start[2]));
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int contentLength = 0;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                // obsolete line folding (RFC 2326 §4.2 via RFC 2616 §2.2): continue the previous value
                var last = headers.removeLast();
                headers.add(entry(last.getKey(), last.getValue() + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                return new Result.Malformed("line " + (i + 1) + " is not a header");
            }
            if (headers.size() == MAX_HEADERS) {
                return new Result.Malformed("more than " + MAX_HEADERS + " headers");
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            headers.add(entry(name, value));
            if (name.equalsIgnoreCase("Content-Length")) {
                try {
                    contentLength = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    return new Result.Malformed("Content-Length is not a number");
                }
                if (contentLength < 0 || contentLength > MAX_BODY) {
                    return new Result.Malformed("Content-Length must be from 0 to " + MAX_BODY);
                }
            }
        }
        return new Result.Head(start[0], start[1], start[2], headers, contentLength);
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        String cut = s.length() > 32 ? s.substring(0, 32) : s;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
