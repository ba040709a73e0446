package org.openvto.media.video;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openvto.testkit.ManualClock;
import org.openvto.testkit.ManualScheduler;

/**
 * Not a test: measures the test camera's cost per frame (draw + convert + JCodec encode) at a few sizes, on the
 * calling thread. Run: {@code java -cp <test classpath> org.openvto.media.video.TestCameraBench [frames]}.
 */
public final class TestCameraBench {
    private TestCameraBench() {}

    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int[][] sizes = {{320, 180}, {352, 288}, {640, 360}, {1280, 720}};
        for (int[] size : sizes) {
            measure(size[0], size[1], 10, frames);
        }
    }

    private static void measure(int width, int height, int fps, int frames) {
        ManualClock clock = new ManualClock(Instant.now(Clock.systemUTC()));
        ManualScheduler scheduler = new ManualScheduler();
        int kbps = width * height * fps / 3000; // about 0.1 bit per pixel: a sane target for this scene
        List<AccessUnit> units = new ArrayList<>();
        TestCamera camera = new TestCamera(
                new TestCamera.Settings(width, height, fps, kbps, 2 * fps, "Front door", "8001"), clock, scheduler);
        Duration frame = Duration.ofNanos(1_000_000_000L / fps);
        camera.start(units::add);
        scheduler.advance(Duration.ZERO);
        for (int i = 0; i < frames; i++) { // warm-up: JIT
            clock.advance(frame);
            scheduler.advance(frame);
        }
        units.clear();
        long start = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            clock.advance(frame);
            scheduler.advance(frame);
        }
        double ms = (System.nanoTime() - start) / 1e6 / frames;
        long bytes = units.stream().mapToLong(AccessUnit::size).sum();
        double kbit = bytes * 8.0 / 1000 / (frames / (double) fps);
        System.out.printf(
                "%4dx%-4d %5.1f ms/frame  %4.0f%% of a core at %d fps  %5.0f kbit/s (target %d)%n",
                width, height, ms, ms * fps / 10, fps, kbit, kbps);
        camera.close();
    }
}
