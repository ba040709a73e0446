package org.openvto.media.rtsp.client;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The H.264 track of a DESCRIBE answer.
 *
 * @param control the absolute URL to SETUP
 * @param payloadType its RTP payload type
 * @param sps the SPS from {@code sprop-parameter-sets}, or an empty array when the stream carries it in band only
 * @param pps likewise the PPS
 */
public record H264Track(String control, int payloadType, byte[] sps, byte[] pps) {
    /** The first H.264 video track of {@code sdp}, its control resolved against {@code base}; empty if none. */
    public static Optional<H264Track> parse(String sdp, String base) {
        boolean video = false;
        int pt = -1;
        String control = null;
        String fmtp = "";
        String sessionControl = null;
        boolean found = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                if (found) {
                    break; // the H.264 section ended
                }
                String[] m = line.substring(2).split(" ");
                video = m[0].equals("video") && m.length >= 4;
                pt = -1;
                control = null;
                fmtp = "";
                if (video) {
                    pt = parseInt(m[3]);
                }
            } else if (video && line.startsWith("a=rtpmap:")) {
                String[] r = line.substring(9).split(" ", 2);
                if (r.length == 2 && r[1].toUpperCase(Locale.ROOT).startsWith("H264/90000")) {
                    pt = parseInt(r[0]);
                    found = pt >= 0;
                }
            } else if (video && line.startsWith("a=control:")) {
                control = line.substring(10).strip();
            } else if (!video && pt == -1 && line.startsWith("a=control:")) {
                sessionControl = line.substring(10).strip();
            } else if (video && line.startsWith("a=fmtp:")) {
                fmtp = line.substring(7);
            }
        }
        if (!found) {
            return Optional.empty();
        }
        String sessionBase =
                sessionControl == null || sessionControl.equals("*") ? base : resolve(base, sessionControl);
        String url = control == null || control.equals("*") ? sessionBase : resolve(sessionBase, control);
        byte[][] sets = spropParameterSets(fmtp);
        return Optional.of(new H264Track(url, pt, sets[0], sets[1]));
    }

    static String resolve(String base, String control) {
        if (control.regionMatches(true, 0, "rtsp://", 0, 7) || control.regionMatches(true, 0, "rtsps://", 0, 8)) {
            return control;
        }
        return base.endsWith("/") ? base + control : base + "/" + control;
    }

    private static byte[][] spropParameterSets(String fmtp) {
        byte[] sps = new byte[0];
        byte[] pps = new byte[0];
        for (String param : fmtp.replaceFirst("^[0-9]+\\s*", "").split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "sprop-parameter-sets=", 0, 21)) {
                for (String set : p.substring(21).split(",")) {
                    try {
                        byte[] nal = Base64.getDecoder().decode(set.strip());
                        if (nal.length > 0 && (nal[0] & 0x1F) == 7) {
                            sps = nal;
                        } else if (nal.length > 0 && (nal[0] & 0x1F) == 8) {
                            pps = nal;
                        }
                    } catch (IllegalArgumentException notBase64) {
                        // ignored: the stream's in-band SPS/PPS will do
                    }
                }
            }
        }
        return new byte[][] {sps, pps};
    }

    private static int parseInt(String s) {
        try {
            int v = Integer.parseInt(s.strip());
            return v >= 0 && v <= 127 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
