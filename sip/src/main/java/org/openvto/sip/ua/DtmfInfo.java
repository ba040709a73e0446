package org.openvto.sip.ua;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a DTMF digit from the body of a SIP INFO (RFC 6086 carries it; the formats are the industry's, not an RFC's):
 * {@code application/dtmf-relay} ({@code Signal=5} and {@code Duration=160} lines, as Cisco, Asterisk, baresip and
 * Linphone send it) and {@code application/dtmf} (the digit alone, or its event number 0–15 as RFC 4733 counts:
 * 10 = {@code *}, 11 = {@code #}, 12–15 = A–D). Malformed or other bodies are a {@link Result.NotDtmf} with the
 * reason, never an exception. Bodies over {@link #MAX_BODY} bytes are refused unread. Stateless, thread-safe.
 */
public final class DtmfInfo {
    public static final int MAX_BODY = 512;
    private static final String EVENTS = "0123456789*#ABCD";

    private DtmfInfo() {}

    /** A digit, or why the body is none. */
    public sealed interface Result {
        /** One of {@code 0-9 * # A-D}. */
        record Digit(char digit, String via) implements Result {}

        record NotDtmf(String reason) implements Result {}
    }

    public static Result parse(String contentType, byte[] body) {
        if (contentType == null) {
            return new Result.NotDtmf("no Content-Type");
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (body == null || body.length == 0) {
            return new Result.NotDtmf("empty body");
        }
        if (body.length > MAX_BODY) {
            return new Result.NotDtmf("body longer than " + MAX_BODY + " bytes");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return switch (type) {
            case "application/dtmf-relay" -> relay(text);
            case "application/dtmf" -> event(text.strip(), "info-dtmf");
            default -> new Result.NotDtmf("not a DTMF type: " + type);
        };
    }

    private static Result relay(String text) {
        for (String line : text.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).strip().equalsIgnoreCase("signal")) {
                return event(line.substring(eq + 1).strip(), "info-dtmf-relay");
            }
        }
        return new Result.NotDtmf("no Signal= line");
    }

    private static Result event(String value, String via) {
        if (value.length() == 1) {
            char c = Character.toUpperCase(value.charAt(0));
            return EVENTS.indexOf(c) >= 0 ? new Result.Digit(c, via) : new Result.NotDtmf("not a DTMF digit: " + c);
        }
        if (value.length() == 2 && Character.isDigit(value.charAt(0)) && Character.isDigit(value.charAt(1))) {
            int n = Integer.parseInt(value);
            if (n < EVENTS.length()) {
                return new Result.Digit(EVENTS.charAt(n), via);
            }
        }
        return new Result.NotDtmf("not a DTMF digit: " + (value.length() > 16 ? value.substring(0, 16) + "…" : value));
    }
}
