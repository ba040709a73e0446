package org.openvto.video;

/**
 * The encoding of one stream (main or sub) by the built-in test camera. An external encoder or a relayed camera
 * has its own encoding (read from its SPS); of these values only {@code fps} is used for it, as the nominal rate.
 *
 * @param width even, 160…1920 pixels
 * @param height even, 120…1080 pixels
 * @param fps frames per second, 1…30
 * @param bitrateKbps target bitrate, 16…20000 kbit/s
 * @param keyFrameInterval pictures from one key frame (IDR) to the next, 1…300
 */
public record StreamSettings(int width, int height, int fps, int bitrateKbps, int keyFrameInterval) {
    /** The recommended main stream: 640×360 at 10 fps, 600 kbit/s, a key frame every 2 s (≈ 15 % of a core). */
    public static final StreamSettings MAIN = new StreamSettings(640, 360, 10, 600, 20);

    /** The recommended sub stream (preview, indoor monitors): 320×180 at 10 fps, 200 kbit/s. */
    public static final StreamSettings SUB = new StreamSettings(320, 180, 10, 200, 20);
}
