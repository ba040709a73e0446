package org.openvto.hardware.linux;

import java.time.Duration;
import java.time.Instant;
import org.openvto.testkit.ManualClock;
import org.openvto.testkit.ManualScheduler;

/** A fake chip, a manual clock and scheduler, and reader loops that never start (tests pump by hand). */
final class TestEnv {
    static final String CHIP = "/dev/gpiochip0";
    static final Duration RETRY = Duration.ofSeconds(5);

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
    final ManualScheduler scheduler = new ManualScheduler();
    final FakeGpioChip gpio = new FakeGpioChip(CHIP, clock);
    final RecordingInputs inputs = new RecordingInputs();
    final GpioEnvironment env = new GpioEnvironment(gpio, scheduler, task -> {}, clock, RETRY);

    /** Moves the scheduler and the clock together. */
    void advance(Duration d) {
        clock.advance(d);
        scheduler.advance(d);
    }

    static long ms(double millis) {
        return Math.round(millis * 1_000_000);
    }
}
