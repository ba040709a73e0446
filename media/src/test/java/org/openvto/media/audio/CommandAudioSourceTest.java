package org.openvto.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openvto.media.audio.internal.ALaw;
import org.openvto.media.video.SourceStatus;
import org.openvto.testkit.Await;

/** The capture command is a real ffmpeg writing a 1 kHz sine as the device would, A-law or s16le. */
class CommandAudioSourceTest {
    private static List<String> ffmpeg(String format) {
        return List.of(
                "ffmpeg",
                "-v",
                "error",
                "-re",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=1000:sample_rate=8000",
                "-ac",
                "1",
                "-ar",
                "8000",
                "-f",
                format,
                "-");
    }

    @Test
    void alawAndS16leCommandsGiveFramesOfTheTone() throws Exception {
        for (var format : List.of(CommandAudioSource.Format.ALAW, CommandAudioSource.Format.S16LE)) {
            List<AudioFrame> frames = new CopyOnWriteArrayList<>();
            try (var source = new CommandAudioSource(
                    ffmpeg(format == CommandAudioSource.Format.ALAW ? "alaw" : "s16le"), format)) {
                AudioSource.Subscription s = source.subscribe(frames::add);
                Await.until(format + " frames", Duration.ofSeconds(10), () -> frames.size() >= 50);
                assertThat(source.status().state()).isEqualTo(SourceStatus.State.RUNNING);
                assertThat(source.status().measuredFps()).isEqualTo(50.0);
                s.close();
                assertThat(source.status().state()).isEqualTo(SourceStatus.State.IDLE);
            }
            int crossings = 0;
            int previous = 0;
            for (int i = 0; i < 50; i++) {
                assertThat(frames.get(i).micros()).isEqualTo(i * 20_000L);
                for (byte b : frames.get(i).alaw()) {
                    int x = ALaw.decode(b);
                    if ((previous < 0) != (x < 0)) {
                        crossings++;
                    }
                    previous = x;
                }
            }
            assertThat(crossings).as(format + ": 1 kHz over 1 s").isBetween(1950, 2050);
        }
    }

    @Test
    void aFailingCommandIsRestartingWithItsErrorLine() throws Exception {
        try (var source = new CommandAudioSource(
                List.of("ffmpeg", "-v", "error", "-f", "alsa", "-i", "no-such-device", "-f", "alaw", "-"),
                CommandAudioSource.Format.ALAW)) {
            source.subscribe(f -> {});
            Await.until(
                    "restarting",
                    Duration.ofSeconds(10),
                    () -> source.status().state() == SourceStatus.State.RESTARTING);
            assertThat(source.status().error()).isPresent();
        }
    }
}
