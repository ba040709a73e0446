package org.openvto.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvto.media.audio.internal.ALaw;
import org.openvto.media.video.SourceStatus;
import org.openvto.testkit.ManualScheduler;

class ToneSourceTest {
    private final ManualScheduler scheduler = new ManualScheduler();

    @Test
    void aFrameEvery20msWhileSubscribedWithContinuousTimes() {
        ToneSource tone = new ToneSource(1000, 0.25, scheduler);
        List<AudioFrame> frames = new ArrayList<>();
        assertThat(tone.status().state()).isEqualTo(SourceStatus.State.IDLE);
        AudioSource.Subscription s = tone.subscribe(frames::add);
        scheduler.advance(Duration.ofMillis(990));
        assertThat(frames).hasSize(50);
        assertThat(tone.status().state()).isEqualTo(SourceStatus.State.RUNNING);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).micros()).isEqualTo(i * 20_000L);
            assertThat(frames.get(i).alaw()).hasSize(160);
        }
        s.close();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(frames).as("stopped with the last listener").hasSize(50);
        assertThat(tone.status().state()).isEqualTo(SourceStatus.State.IDLE);
        tone.subscribe(frames::add);
        scheduler.advance(Duration.ofMillis(10));
        assertThat(frames.getLast().micros()).as("times go on across restarts").isEqualTo(50 * 20_000L);
    }

    @Test
    void theToneHasItsFrequencyAndAmplitude() {
        ToneSource tone = new ToneSource(1000, 0.25, scheduler);
        List<AudioFrame> frames = new ArrayList<>();
        tone.subscribe(frames::add);
        scheduler.advance(Duration.ofMillis(990)); // 1 s
        int crossings = 0;
        int peak = 0;
        int previous = 0;
        for (AudioFrame f : frames) {
            for (byte b : f.alaw()) {
                int x = ALaw.decode(b);
                peak = Math.max(peak, Math.abs(x));
                if ((previous < 0) != (x < 0)) {
                    crossings++;
                }
                previous = x;
            }
        }
        assertThat(crossings).as("2 zero crossings a cycle").isBetween(1990, 2010);
        assertThat(peak).as("a quarter of full scale").isBetween(7800, 8600);
    }

    @Test
    void silenceIsAllD5() {
        ToneSource silence = new ToneSource(0, 0, scheduler);
        List<AudioFrame> frames = new ArrayList<>();
        silence.subscribe(frames::add);
        scheduler.advance(Duration.ofMillis(100));
        assertThat(frames).isNotEmpty().allSatisfy(f -> {
            for (byte b : f.alaw()) {
                assertThat(b & 0xFF).isEqualTo(0xD5);
            }
        });
    }

    @Test
    void aThrowingListenerIsRemovedAndTheOthersGoOn() {
        ToneSource tone = new ToneSource(440, 0.1, scheduler);
        List<AudioFrame> frames = new ArrayList<>();
        tone.subscribe(f -> {
            throw new IllegalStateException("broken");
        });
        tone.subscribe(frames::add);
        scheduler.advance(Duration.ofMillis(100));
        assertThat(frames).hasSize(6);
        assertThat(tone.listeners()).isEqualTo(1);
    }
}
