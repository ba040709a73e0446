package org.openvto.app.video;

import java.util.List;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.audio.CommandAudioSource;
import org.openvto.media.audio.ToneSource;
import org.openvto.video.AudioKind;
import org.openvto.video.CommandLine;
import org.openvto.video.VideoSettings;

/**
 * The RTSP audio track as a value (like {@link SourceSpec}): a save that leaves it equal keeps the microphone
 * running. {@link #create} gives {@code null} for video only.
 */
record AudioSpec(AudioKind kind, List<String> command) {
    /** A quiet 1 kHz tone: clearly audible in a player, never loud. */
    static final double TONE_HZ = 1000;

    static final double TONE_LEVEL = 0.1;

    static AudioSpec of(VideoSettings v, boolean commandsAllowed) {
        if (v.audio() == AudioKind.COMMAND) {
            List<String> argv = CommandLine.split(v.audioCommand()).orElse(List.of());
            // a command the configuration file no longer allows, or a broken line: video only
            return commandsAllowed && !argv.isEmpty()
                    ? new AudioSpec(AudioKind.COMMAND, argv)
                    : new AudioSpec(AudioKind.NONE, List.of());
        }
        return new AudioSpec(v.audio(), List.of());
    }

    AudioSource create() {
        return switch (kind) {
            case NONE -> null;
            case TONE -> new ToneSource(TONE_HZ, TONE_LEVEL);
            case COMMAND -> new CommandAudioSource(command, CommandAudioSource.Format.S16LE);
        };
    }
}
