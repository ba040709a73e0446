package org.openvto.video;

import java.util.Optional;

/** Where the camera's H.264 comes from; {@link #token()} is the API and form value. */
public enum SourceKind implements Choice {
    /** The built-in camera: a drawn test scene encoded in-process (the default; no native binaries). */
    TEST_CAMERA("test-camera", "Built-in test camera"),
    /** Any command writing H.264 Annex-B to standard output (ffmpeg on a USB camera, a board's encoder tool). */
    COMMAND("command", "External encoder"),
    /** An existing RTSP camera, relayed. */
    RELAY("relay", "RTSP camera (relay)");

    private final String token;
    private final String label;

    SourceKind(String token, String label) {
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

    public static Optional<SourceKind> parse(String token) {
        return Choice.parse(SourceKind.class, token);
    }
}
