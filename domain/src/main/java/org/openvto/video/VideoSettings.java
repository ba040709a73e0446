package org.openvto.video;

/**
 * Local Setting › Video &amp; Audio.
 *
 * @param source where the pictures come from
 * @param main the main stream's encoding
 * @param sub the sub stream's encoding
 * @param mainCommand the external encoder of the main stream ({@link SourceKind#COMMAND}); split by
 *     {@link CommandLine}, run without a shell
 * @param subCommand the sub stream's encoder; blank: the sub stream is the main stream's pictures
 * @param relayMainUrl the RTSP camera's main stream ({@link SourceKind#RELAY}), {@code rtsp://host[:port]/path}
 * @param relaySubUrl its sub stream; blank: the sub stream is the main stream's pictures
 * @param relayUsername the camera's account (Digest), blank for none
 * @param relayPassword its password, sealed at rest, never read back by the API or the page
 * @param maxStreams the device-wide limit on concurrent video streams (RTSP, monitor, calls), 1…32
 * @param audio the RTSP audio track
 * @param audioCommand the capture command of {@link AudioKind#COMMAND}
 */
public record VideoSettings(
        SourceKind source,
        StreamSettings main,
        StreamSettings sub,
        String mainCommand,
        String subCommand,
        String relayMainUrl,
        String relaySubUrl,
        String relayUsername,
        String relayPassword,
        int maxStreams,
        AudioKind audio,
        String audioCommand) {
    /** Quick Start Guide 1.2: "support maximum 6-channel video stream". */
    public static final int DEFAULT_MAX_STREAMS = 6;

    /** The factory settings: the test camera at the recommended sizes, 6 streams, no audio. */
    public static final VideoSettings FACTORY = new VideoSettings(
            SourceKind.TEST_CAMERA,
            StreamSettings.MAIN,
            StreamSettings.SUB,
            "",
            "",
            "",
            "",
            "",
            "",
            DEFAULT_MAX_STREAMS,
            AudioKind.NONE,
            "");

    /** The same settings with another relay password (the service keeps the stored one for a blank field). */
    public VideoSettings withRelayPassword(String password) {
        return new VideoSettings(
                source,
                main,
                sub,
                mainCommand,
                subCommand,
                relayMainUrl,
                relaySubUrl,
                relayUsername,
                password,
                maxStreams,
                audio,
                audioCommand);
    }
}
