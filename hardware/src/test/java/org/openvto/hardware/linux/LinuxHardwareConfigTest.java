package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openvto.config.ConfigException;

class LinuxHardwareConfigTest {
    private static LinuxHardwareConfig.Line line(String name, int offset) {
        return new LinuxHardwareConfig.Line("hardware.gpio." + name, offset, true, "pull-up", 20_000, "nc");
    }

    private static LinuxHardwareConfig config(LinuxHardwareConfig.Line doorSensor, LinuxHardwareConfig.Wiegand w) {
        return new LinuxHardwareConfig(
                "/dev/gpiochip0",
                5,
                line("lock1", 17),
                LinuxHardwareConfig.Line.unused("hardware.gpio.lock2"),
                doorSensor,
                line("exit-button", 22),
                line("tamper", 23),
                LinuxHardwareConfig.Line.unused("hardware.gpio.led-call"),
                LinuxHardwareConfig.Line.unused("hardware.gpio.led-talk"),
                LinuxHardwareConfig.Line.unused("hardware.gpio.led-unlock"),
                w,
                LinuxHardwareConfig.Hid.unused());
    }

    @Test
    void theRaspberryPiExampleIsValidAndBecomesLineConfigs() {
        LinuxHardwareConfig c =
                config(line("door-sensor", 27), new LinuxHardwareConfig.Wiegand(24, 25, "pull-up", 25, 200, 3));
        assertThat(c.doorSensor().on(c.chip()))
                .contains(new LineConfig(
                        "/dev/gpiochip0",
                        27,
                        true,
                        LineConfig.Bias.PULL_UP,
                        Duration.ofMillis(20),
                        LineConfig.Contact.NC));
        assertThat(c.lock2().on(c.chip())).isEmpty();
        assertThat(c.wiegand().on(c.chip()).frameGap()).isEqualTo(Duration.ofMillis(25));
        assertThat(c.retry()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aBadValueNamesItsKey() {
        assertThatThrownBy(() -> new LinuxHardwareConfig.Line("hardware.gpio.door-sensor", 27, false, "up", 0, "nc"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("hardware.gpio.door-sensor.bias: must be as-is, pull-up");
        assertThatThrownBy(() -> new LinuxHardwareConfig.Line("hardware.gpio.tamper", 23, false, "as-is", 0, "closed"))
                .hasMessageStartingWith("hardware.gpio.tamper.contact: ");
        assertThatThrownBy(() -> line("exit-button", 2000)).hasMessageStartingWith("hardware.gpio.exit-button.line: ");
        assertThatThrownBy(() -> new LinuxHardwareConfig.Wiegand(24, -1, "pull-up", 25, 200, 3))
                .hasMessageStartingWith("hardware.wiegand.d1: ");
        assertThatThrownBy(() -> new LinuxHardwareConfig.Wiegand(24, 25, "pull-up", 1, 200, 3))
                .hasMessageStartingWith("hardware.wiegand.frame-gap-ms: ");
        assertThatThrownBy(() -> new LinuxHardwareConfig.Hid("/tmp/x", "card", 1000, 3))
                .hasMessageStartingWith("hardware.hid.device: ");
        assertThatThrownBy(() -> new LinuxHardwareConfig.Hid("/dev/input/event0", "mouse", 1000, 3))
                .hasMessageStartingWith("hardware.hid.mode: ");
    }

    @Test
    void twoFunctionsOnOneLineAreRefusedNamingTheSecond() {
        assertThatThrownBy(() -> config(line("door-sensor", 17), LinuxHardwareConfig.Wiegand.unused()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("hardware.gpio.door-sensor.line: line 17 is already hardware.gpio.lock1.line");
        assertThatThrownBy(() ->
                        config(line("door-sensor", 27), new LinuxHardwareConfig.Wiegand(22, 25, "pull-up", 25, 200, 3)))
                .hasMessage("hardware.wiegand.d0: line 22 is already hardware.gpio.exit-button.line");
    }

    @Test
    void theChipMustBeADevicePath() {
        assertThatThrownBy(() -> new LinuxHardwareConfig(
                        "gpiochip0",
                        5,
                        line("lock1", 17),
                        line("lock2", 18),
                        line("door-sensor", 27),
                        line("exit-button", 22),
                        line("tamper", 23),
                        line("led-call", 5),
                        line("led-talk", 6),
                        line("led-unlock", 13),
                        LinuxHardwareConfig.Wiegand.unused(),
                        LinuxHardwareConfig.Hid.unused()))
                .hasMessageStartingWith("hardware.gpio.chip: must be a device path");
    }
}
