package org.openvto.hardware.linux;

import java.time.Duration;
import java.util.Objects;

/**
 * One GPIO line as configured ({@code hardware.gpio.<name>} in the configuration, see docs/HARDWARE.md). Immutable;
 * validated by {@link LinuxHardwareConfig}, which names the bad key.
 *
 * @param chip      the character device, e.g. {@code /dev/gpiochip0} ({@code /dev/gpiochip4} on a Raspberry Pi 5
 *                  with kernels before 6.6.45, {@code gpiochip0} after)
 * @param offset    the line offset on that chip (on a Raspberry Pi: the BCM GPIO number)
 * @param activeLow the line is active when physically low (the kernel inverts it)
 * @param debounce  debounce period: requested from the kernel and applied again on the edge timestamps (inputs)
 * @param contact   for inputs: a normally-open contact is active while closed, a normally-closed one while open
 */
public record LineConfig(String chip, int offset, boolean activeLow, Bias bias, Duration debounce, Contact contact) {
    /** The line's internal bias resistor. */
    public enum Bias {
        /** Leave as the kernel/device tree has it. */
        AS_IS,
        PULL_UP,
        PULL_DOWN,
        DISABLED
    }

    /** The wiring of a switch on an input line. */
    public enum Contact {
        /** Normally open: the input is active while the contact is closed (a push button). */
        NO,
        /** Normally closed: the input is active while the contact is open (a door reed contact, a tamper switch). */
        NC
    }

    public LineConfig {
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(bias, "bias");
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(contact, "contact");
    }

    /** An output or plain input: active-high, bias as is, no debounce, normally open. */
    public static LineConfig of(String chip, int offset) {
        return new LineConfig(chip, offset, false, Bias.AS_IS, Duration.ZERO, Contact.NO);
    }

    public LineConfig withActiveLow(boolean value) {
        return new LineConfig(chip, offset, value, bias, debounce, contact);
    }

    public LineConfig withBias(Bias value) {
        return new LineConfig(chip, offset, activeLow, value, debounce, contact);
    }

    public LineConfig withDebounce(Duration value) {
        return new LineConfig(chip, offset, activeLow, bias, value, contact);
    }

    public LineConfig withContact(Contact value) {
        return new LineConfig(chip, offset, activeLow, bias, debounce, value);
    }

    GpioChip.LineSettings settings() {
        return new GpioChip.LineSettings(activeLow, bias, (int) Math.min(Integer.MAX_VALUE, debounce.toNanos() / 1000));
    }

    /** For status messages: {@code /dev/gpiochip0 line 17}. */
    String describe() {
        return chip + " line " + offset;
    }
}
