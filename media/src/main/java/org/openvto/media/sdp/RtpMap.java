package org.openvto.media.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * An {@code a=rtpmap:} value (RFC 8866 §6.6): {@code 101 telephone-event/8000}, {@code 96 opus/48000/2}. Immutable.
 *
 * @param payloadType 0–127
 * @param encoding    the encoding name as written (compare with {@link #is})
 * @param clockRate   Hz, positive
 * @param parameters  the encoding parameters (audio: channels), empty for none
 */
public record RtpMap(int payloadType, String encoding, int clockRate, String parameters) {
    public RtpMap {
        if (payloadType < 0 || payloadType > 127 || clockRate <= 0) {
            throw new IllegalArgumentException("payload type 0–127 and a positive clock rate");
        }
        if (!Attribute.isToken(encoding) || !(parameters.isEmpty() || Attribute.isToken(parameters))) {
            throw new IllegalArgumentException("encoding name and parameters are tokens without '/'");
        }
    }

    /**
     * The static payload types of RFC 3551 §6 (Tables 4 and 5), for sections that list them without {@code a=rtpmap}
     * (allowed for static types, RFC 8866 §6.6).
     */
    public static Optional<RtpMap> staticType(int payloadType) {
        String m = switch (payloadType) {
            case 0 -> "PCMU/8000";
            case 3 -> "GSM/8000";
            case 4 -> "G723/8000";
            case 5 -> "DVI4/8000";
            case 6 -> "DVI4/16000";
            case 7 -> "LPC/8000";
            case 8 -> "PCMA/8000";
            case 9 -> "G722/8000";
            case 10 -> "L16/44100/2";
            case 11 -> "L16/44100";
            case 12 -> "QCELP/8000";
            case 13 -> "CN/8000";
            case 14 -> "MPA/90000";
            case 15 -> "G728/8000";
            case 16 -> "DVI4/11025";
            case 17 -> "DVI4/22050";
            case 18 -> "G729/8000";
            case 25 -> "CelB/90000";
            case 26 -> "JPEG/90000";
            case 28 -> "nv/90000";
            case 31 -> "H261/90000";
            case 32 -> "MPV/90000";
            case 33 -> "MP2T/90000";
            case 34 -> "H263/90000";
            default -> null;
        };
        return m == null ? Optional.empty() : parse(payloadType + " " + m);
    }

    /** Reads {@code <pt> <name>/<rate>[/<parameters>]}; empty if it is not one. */
    public static Optional<RtpMap> parse(String value) {
        String[] f = value.strip().split("[ \t]+");
        if (f.length != 2 || !f[0].matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        String[] e = f[1].split("/", -1);
        if (e.length < 2 || e.length > 3 || !e[1].matches("[0-9]{1,9}") || e[0].isEmpty()) {
            return Optional.empty();
        }
        int pt = Integer.parseInt(f[0]);
        int rate = Integer.parseInt(e[1]);
        String params = e.length == 3 ? e[2] : "";
        if (pt > 127 || rate == 0 || !Attribute.isToken(e[0]) || (e.length == 3 && !Attribute.isToken(params))) {
            return Optional.empty();
        }
        return Optional.of(new RtpMap(pt, e[0], rate, params));
    }

    /** Same encoding (case-insensitive, RFC 4855 §3) and clock rate. */
    public boolean is(String name, int rate) {
        return encoding.toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT)) && clockRate == rate;
    }

    /** {@code PCMU/8000}, {@code opus/48000/2}: how a failure reason names the format. */
    public String describe() {
        return encoding + "/" + clockRate + (parameters.isEmpty() ? "" : "/" + parameters);
    }

    public String format() {
        return payloadType + " " + describe();
    }
}
