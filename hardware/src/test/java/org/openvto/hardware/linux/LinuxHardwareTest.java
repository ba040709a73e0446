package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.hardware.linux.TestEnv.CHIP;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openvto.facade.io.FacadeOutputs.Indicator;
import org.openvto.facade.io.ModuleStatus;

class LinuxHardwareTest {
    private final TestEnv t = new TestEnv();

    private static LinuxHardwareConfig.Line line(String name, int offset, boolean activeLow, String contact) {
        return new LinuxHardwareConfig.Line("hardware.gpio." + name, offset, activeLow, "pull-up", 0, contact);
    }

    private LinuxHardwareConfig config() {
        return new LinuxHardwareConfig(
                CHIP,
                5,
                line("lock1", 17, true, "no"),
                LinuxHardwareConfig.Line.unused("hardware.gpio.lock2"),
                line("door-sensor", 27, true, "nc"),
                line("exit-button", 22, true, "no"),
                line("tamper", 23, true, "nc"),
                line("led-call", 5, false, "no"),
                LinuxHardwareConfig.Line.unused("hardware.gpio.led-talk"),
                LinuxHardwareConfig.Line.unused("hardware.gpio.led-unlock"),
                new LinuxHardwareConfig.Wiegand(24, 25, "pull-up", 25, 200, 3),
                new LinuxHardwareConfig.Hid("/dev/input/event0", "card", 1000, 4));
    }

    @Test
    void startsEveryWiredDriverFromTheConfiguration() {
        HidInputReader.Opener absent = path -> {
            throw new IOException(path + " (No such file or directory)");
        };
        try (LinuxHardware hw = LinuxHardware.start(config(), t.inputs, t.env, absent)) {
            assertThat(hw.locks()).extracting(l -> l.number()).containsExactly(1);
            assertThat(hw.wiegand()).isPresent();
            assertThat(hw.hid().orElseThrow().status())
                    .isEqualTo(ModuleStatus.offline("/dev/input/event0 (No such file or directory)"));

            hw.locks().get(0).pulse(Duration.ofSeconds(1));
            assertThat(t.gpio.physical(17)).isFalse(); // active-low relay energized
            t.advance(Duration.ofSeconds(1));
            assertThat(t.gpio.physical(17)).isTrue();

            hw.indicators().indicator(Indicator.CALL, true);
            assertThat(t.gpio.physical(5)).isTrue();
            assertThat(hw.indicators().indicators()).containsExactly(Indicator.CALL);
        }
        // lock 1, door, exit, tamper, LED, Wiegand
        assertThat(t.gpio.requests()).hasSize(6);
    }
}
