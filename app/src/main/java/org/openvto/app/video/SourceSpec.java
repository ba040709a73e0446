package org.openvto.app.video;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.openvto.device.DeviceIdentity;
import org.openvto.media.video.CommandSource;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.RelaySource;
import org.openvto.media.video.StreamKind;
import org.openvto.media.video.TestCamera;
import org.openvto.media.video.VideoSource;
import org.openvto.video.CommandLine;
import org.openvto.video.StreamSettings;
import org.openvto.video.VideoSettings;

/**
 * What one stream's source is, as a value: two equal specs make the same pictures, so a save that leaves a stream's
 * spec equal leaves its source running (bridges are not made to reconnect), and a different spec replaces it.
 */
sealed interface SourceSpec {
    /** A new source for this spec; {@code main} is the main stream (for {@link Mirror}). */
    VideoSource create(EncodedStream main, Clock clock);

    /** How the console names the source. */
    String label();

    /** The spec of {@code kind} under {@code v}; {@code commandsAllowed} from {@code video.allow-commands}. */
    static SourceSpec of(StreamKind kind, VideoSettings v, DeviceIdentity id, boolean commandsAllowed) {
        StreamSettings s = kind == StreamKind.MAIN ? v.main() : v.sub();
        return switch (v.source()) {
            case TEST_CAMERA ->
                new Camera(new TestCamera.Settings(
                        s.width(),
                        s.height(),
                        s.fps(),
                        s.bitrateKbps(),
                        s.keyFrameInterval(),
                        id.deviceName(),
                        id.vtoNumber()));
            case COMMAND -> {
                String line = kind == StreamKind.MAIN ? v.mainCommand() : v.subCommand();
                if (kind == StreamKind.SUB && line.isBlank()) {
                    yield new Mirror();
                }
                if (!commandsAllowed) {
                    yield new Unavailable("external commands are off (video.allow-commands in the configuration file)");
                }
                List<String> argv = CommandLine.split(line).orElse(List.of());
                yield argv.isEmpty()
                        ? new Unavailable("the command is empty or malformed")
                        : new Command(argv, s.fps());
            }
            case RELAY -> {
                String url = kind == StreamKind.MAIN ? v.relayMainUrl() : v.relaySubUrl();
                if (kind == StreamKind.SUB && url.isBlank()) {
                    yield new Mirror();
                }
                try {
                    yield new Relay(URI.create(url.strip()), v.relayUsername(), v.relayPassword(), s.fps());
                } catch (IllegalArgumentException e) {
                    yield new Unavailable("the camera's URL is not valid: " + e.getMessage());
                }
            }
        };
    }

    record Camera(TestCamera.Settings settings) implements SourceSpec {
        @Override
        public VideoSource create(EncodedStream main, Clock clock) {
            return new TestCamera(settings);
        }

        @Override
        public String label() {
            return "test camera";
        }
    }

    record Command(List<String> argv, int fps) implements SourceSpec {
        @Override
        public VideoSource create(EncodedStream main, Clock clock) {
            return new CommandSource(argv, fps);
        }

        @Override
        public String label() {
            return "command: " + argv.getFirst();
        }
    }

    /** The password is part of the value (a new password reconnects) but never of its text. */
    record Relay(URI url, String username, String password, int fps) implements SourceSpec {
        @Override
        public VideoSource create(EncodedStream main, Clock clock) {
            // Digest only: a relay never sends the camera's password in clear
            return new RelaySource(new RelaySource.Settings(url, username, password, false, fps));
        }

        @Override
        public String label() {
            return "relay: " + url.getHost();
        }

        @Override
        public String toString() {
            return "Relay[" + url + ", " + username + "]";
        }
    }

    record Mirror() implements SourceSpec {
        @Override
        public VideoSource create(EncodedStream main, Clock clock) {
            return new MirrorSource(main);
        }

        @Override
        public String label() {
            return "same as main stream";
        }
    }

    record Unavailable(String reason) implements SourceSpec {
        @Override
        public VideoSource create(EncodedStream main, Clock clock) {
            return new UnavailableSource(reason, clock.instant());
        }

        @Override
        public String label() {
            return "unavailable";
        }
    }
}
