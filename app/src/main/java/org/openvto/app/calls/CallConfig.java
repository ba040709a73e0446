package org.openvto.app.calls;

import java.time.Duration;
import org.openvto.call.CallSettings;
import org.openvto.config.ConfigChecks;
import org.openvto.config.ConfigException;
import org.openvto.media.video.StreamKind;

/**
 * Section {@code call} of the defaults file: the calls' limits (the domain's {@link CallSettings}), the UDP port
 * range of their media and the camera stream the indoor monitors see. Every bad value names its key.
 */
public record CallConfig(CallSettings settings, int mediaFirstPort, int mediaLastPort, StreamKind videoStream) {
    public CallConfig {
        ConfigChecks.inRange("call.media-first-port", mediaFirstPort, 1024, 65_535);
        ConfigChecks.inRange("call.media-last-port", mediaLastPort, 1024, 65_535);
        if (mediaLastPort - mediaFirstPort < 3) {
            throw new ConfigException("call.media-last-port", "must be at least 3 above call.media-first-port");
        }
    }

    public static CallConfig of(
            int ring, int talk, int monitor, String centre, int firstPort, int lastPort, String videoStream) {
        StreamKind kind = switch (videoStream) {
            case "sub" -> StreamKind.SUB;
            case "main" -> StreamKind.MAIN;
            default ->
                throw new ConfigException("call.video-stream", "must be sub or main (was '" + videoStream + "')");
        };
        return new CallConfig(
                new CallSettings(
                        Duration.ofSeconds(ring), Duration.ofSeconds(talk), Duration.ofSeconds(monitor), centre),
                firstPort,
                lastPort,
                kind);
    }
}
