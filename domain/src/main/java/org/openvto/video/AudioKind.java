package org.openvto.video;

import java.util.Locale;
import java.util.Optional;

/** The RTSP audio track (G.711 A-law, 8 kHz); {@link #token()} is the API and form value. */
public enum AudioKind {
    /** Video only. */
    NONE("none", "None (video only)"),
    /** A quiet test tone generated in-process: what a PC without a microphone offers. */
    TONE("tone", "Test tone"),
    /** A capture command writing 8 kHz mono signed 16-bit little-endian PCM to standard output. */
    COMMAND("command", "Capture command");

    private final String token;
    private final String label;

    AudioKind(String token, String label) {
        this.token = token;
        this.label = label;
    }

    public String token() {
        return token;
    }

    public String label() {
        return label;
    }

    public static Optional<AudioKind> parse(String token) {
        for (AudioKind k : values()) {
            if (k.token.equals(token == null ? null : token.toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
