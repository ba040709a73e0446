package org.openvto.video;

import java.util.Optional;

/** The RTSP audio track (G.711 A-law, 8 kHz); {@link #token()} is the API and form value. */
public enum AudioKind implements Choice {
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

    @Override
    public String token() {
        return token;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<AudioKind> parse(String token) {
        return Choice.parse(AudioKind.class, token);
    }
}
