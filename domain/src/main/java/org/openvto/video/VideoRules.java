package org.openvto.video;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.openvto.validation.Violations;

/**
 * The rules of Local Setting › Video &amp; Audio, as pure checks. Field names are the API's ({@code main.width});
 * messages name the rule. External commands run as the VTO's operating-system user, so they are refused unless the
 * configuration file allows them ({@code video.allow-commands}): a console password alone never grants a shell.
 */
public final class VideoRules {
    public static final int MAX_STREAMS_LIMIT = 32;
    static final int COMMAND_MAX = 2000;
    static final int CREDENTIAL_MAX = 64;
    private static final String PRINTABLE = "[^\\p{Cntrl}]*";
    static final String COMMANDS_OFF = "is refused: external commands are off: set video.allow-commands: true in the "
            + "configuration file to allow them (they run as the VTO's system user)";

    private VideoRules() {}

    public static void check(Violations v, VideoSettings s, boolean commandsAllowed) {
        v.check(s.source() != null, "source", "Source must be test-camera, command or relay");
        stream(v, "main.", s.main());
        stream(v, "sub.", s.sub());
        v.check(
                s.maxStreams() >= 1 && s.maxStreams() <= MAX_STREAMS_LIMIT,
                "maxStreams",
                "Max. Streams must be 1 to " + MAX_STREAMS_LIMIT);
        v.check(s.audio() != null, "audio", "Audio must be none, tone or command");
        if (s.source() == SourceKind.COMMAND) {
            command(v, "mainCommand", s.mainCommand(), true, commandsAllowed);
            command(v, "subCommand", s.subCommand(), false, commandsAllowed);
        }
        if (s.source() == SourceKind.RELAY) {
            rtspUrl(v, "relayMainUrl", s.relayMainUrl(), true);
            rtspUrl(v, "relaySubUrl", s.relaySubUrl(), false);
            credential(v, "relayUsername", s.relayUsername());
            credential(v, "relayPassword", s.relayPassword());
        }
        if (s.audio() == AudioKind.COMMAND) {
            command(v, "audioCommand", s.audioCommand(), true, commandsAllowed);
        }
    }

    private static void stream(Violations v, String prefix, StreamSettings s) {
        if (!v.check(s != null, prefix + "width", "is missing: the stream's settings are required")) {
            return;
        }
        v.check(
                s.width() % 2 == 0 && s.width() >= 160 && s.width() <= 1920,
                prefix + "width",
                "must be an even number of pixels, 160 to 1920");
        v.check(
                s.height() % 2 == 0 && s.height() >= 120 && s.height() <= 1080,
                prefix + "height",
                "must be an even number of pixels, 120 to 1080");
        v.check(s.fps() >= 1 && s.fps() <= 30, prefix + "fps", "must be 1 to 30 fps");
        v.check(
                s.bitrateKbps() >= 16 && s.bitrateKbps() <= 20_000,
                prefix + "bitrateKbps",
                "must be 16 to 20000 kbit/s");
        v.check(
                s.keyFrameInterval() >= 1 && s.keyFrameInterval() <= 300,
                prefix + "keyFrameInterval",
                "must be 1 to 300 pictures");
    }

    private static void command(Violations v, String field, String line, boolean required, boolean allowed) {
        String text = line == null ? "" : line.strip();
        if (text.isEmpty()) {
            v.check(!required, field, "is required for this source");
            return;
        }
        if (!v.check(allowed, field, COMMANDS_OFF)) {
            return;
        }
        if (!v.check(
                text.length() <= COMMAND_MAX && text.matches(PRINTABLE),
                field,
                "must be one line of at most " + COMMAND_MAX + " characters")) {
            return;
        }
        Optional<List<String>> words = CommandLine.split(text);
        v.check(words.isPresent(), field, "has a quote that is not closed, or ends in a backslash");
    }

    private static void rtspUrl(Violations v, String field, String url, boolean required) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            v.check(!required, field, "is required for this source");
            return;
        }
        String rule = "must be rtsp://host[:port]/path";
        try {
            URI u = new URI(text);
            if (!v.check(
                            "rtsp".equalsIgnoreCase(u.getScheme())
                                    && u.getHost() != null
                                    && u.getPort() <= 65_535
                                    && u.getPort() != 0,
                            field,
                            rule)
                    || !v.check(
                            u.getRawUserInfo() == null,
                            field,
                            "must not hold a user or password: put them in their own fields")) {
                return;
            }
            v.check(text.length() <= 500, field, "must be at most 500 characters");
        } catch (URISyntaxException e) {
            v.add(field, rule);
        }
    }

    private static void credential(Violations v, String field, String value) {
        String text = value == null ? "" : value;
        v.check(
                text.length() <= CREDENTIAL_MAX && text.matches(PRINTABLE),
                field,
                "must be at most " + CREDENTIAL_MAX + " printable characters");
    }
}
