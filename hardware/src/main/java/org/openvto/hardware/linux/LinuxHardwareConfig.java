package org.openvto.hardware.linux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openvto.config.ConfigChecks;
import org.openvto.config.ConfigException;

/**
 * The Linux drivers' configuration ({@code hardware.*}, see docs/HARDWARE.md for the YAML and a Raspberry Pi
 * example), validated on construction: a bad value throws {@link ConfigException} naming its dotted key. Lines with
 * offset -1 are not wired. Two functions on the same line of the chip are refused (the second key is named).
 * Immutable.
 *
 * @param chip         {@code hardware.gpio.chip}: the GPIO character device every line is on
 * @param retrySeconds {@code hardware.retry-seconds}: wait before reopening a missing chip or input device
 */
public record LinuxHardwareConfig(
        String chip,
        int retrySeconds,
        Line lock1,
        Line lock2,
        Line doorSensor,
        Line exitButton,
        Line tamper,
        Line ledCall,
        Line ledTalk,
        Line ledUnlock,
        Wiegand wiegand,
        Hid hid) {
    private static final int MAX_OFFSET = 1023;

    public LinuxHardwareConfig {
        ConfigChecks.notBlank("hardware.gpio.chip", chip);
        if (!chip.startsWith("/dev/")) {
            throw new ConfigException(
                    "hardware.gpio.chip", "must be a device path like /dev/gpiochip0 (was " + chip + ")");
        }
        ConfigChecks.inRange("hardware.retry-seconds", retrySeconds, 1, 3600);
        checkDistinct(List.of(lock1, lock2, doorSensor, exitButton, tamper, ledCall, ledTalk, ledUnlock), wiegand);
    }

    /**
     * One GPIO line: {@code <key>.line}, {@code .active-low}, {@code .bias} (as-is, pull-up, pull-down, disabled),
     * {@code .debounce-us} (0–100000), {@code .contact} (no, nc).
     *
     * @param key the dotted prefix, e.g. {@code hardware.gpio.door-sensor}
     */
    public record Line(String key, int line, boolean activeLow, String bias, int debounceUs, String contact) {
        public Line {
            ConfigChecks.inRange(key + ".line", line, -1, MAX_OFFSET);
            parseBias(key + ".bias", bias);
            ConfigChecks.inRange(key + ".debounce-us", debounceUs, 0, 100_000);
            parseContact(key + ".contact", contact);
        }

        /** A line that is not wired. */
        public static Line unused(String key) {
            return new Line(key, -1, false, "as-is", 0, "no");
        }

        public boolean wired() {
            return line >= 0;
        }

        /** The driver's line configuration on {@code chip}, if wired. */
        public Optional<LineConfig> on(String chip) {
            if (!wired()) {
                return Optional.empty();
            }
            return Optional.of(new LineConfig(
                    chip,
                    line,
                    activeLow,
                    parseBias(key + ".bias", bias),
                    Duration.ofNanos(debounceUs * 1000L),
                    parseContact(key + ".contact", contact)));
        }
    }

    /**
     * The Wiegand reader: {@code hardware.wiegand.d0}, {@code .d1} (-1: none), {@code .bias}, {@code .frame-gap-ms}
     * (5–500), {@code .min-spacing-us} (0–5000), {@code .module} (its cascade position, 0–31).
     */
    public record Wiegand(int d0, int d1, String bias, int frameGapMs, int minSpacingUs, int module) {
        public Wiegand {
            ConfigChecks.inRange("hardware.wiegand.d0", d0, -1, MAX_OFFSET);
            ConfigChecks.inRange("hardware.wiegand.d1", d1, -1, MAX_OFFSET);
            if ((d0 < 0) != (d1 < 0)) {
                throw new ConfigException("hardware.wiegand.d1", "D0 and D1 are wired together or not at all");
            }
            if (d0 >= 0 && d0 == d1) {
                throw new ConfigException(
                        "hardware.wiegand.d1", "must differ from hardware.wiegand.d0 (both " + d0 + ")");
            }
            parseBias("hardware.wiegand.bias", bias);
            ConfigChecks.inRange("hardware.wiegand.frame-gap-ms", frameGapMs, 5, 500);
            ConfigChecks.inRange("hardware.wiegand.min-spacing-us", minSpacingUs, 0, 5000);
            ConfigChecks.inRange("hardware.wiegand.module", module, 0, 31);
        }

        public static Wiegand unused() {
            return new Wiegand(-1, -1, "pull-up", 25, 200, 0);
        }

        public boolean wired() {
            return d0 >= 0;
        }

        public WiegandReader.Config on(String chip) {
            return new WiegandReader.Config(
                    chip,
                    d0,
                    d1,
                    parseBias("hardware.wiegand.bias", bias),
                    Duration.ofMillis(frameGapMs),
                    Duration.ofNanos(minSpacingUs * 1000L),
                    module);
        }
    }

    /**
     * The HID keyboard-wedge reader or keypad: {@code hardware.hid.device} (empty: none), {@code .mode} (card,
     * keypad), {@code .inter-key-ms} (50–10000), {@code .module} (0–31).
     */
    public record Hid(String device, String mode, int interKeyMs, int module) {
        public Hid {
            if (!device.isEmpty() && !device.startsWith("/dev/input/")) {
                throw new ConfigException(
                        "hardware.hid.device", "must be empty or under /dev/input/ (was " + device + ")");
            }
            parseMode(mode);
            ConfigChecks.inRange("hardware.hid.inter-key-ms", interKeyMs, 50, 10_000);
            ConfigChecks.inRange("hardware.hid.module", module, 0, 31);
        }

        public static Hid unused() {
            return new Hid("", "card", 1000, 0);
        }

        public boolean wired() {
            return !device.isEmpty();
        }

        /** 64-bit time_t on this JVM's platform unless it is a 32-bit JVM. */
        public HidInputReader.Config config() {
            int timeval = "32".equals(System.getProperty("sun.arch.data.model")) ? 8 : 16;
            return new HidInputReader.Config(device, parseMode(mode), Duration.ofMillis(interKeyMs), timeval, module);
        }
    }

    public Duration retry() {
        return Duration.ofSeconds(retrySeconds);
    }

    static LineConfig.Bias parseBias(String key, String value) {
        return switch (String.valueOf(value).toLowerCase(Locale.ROOT)) {
            case "as-is" -> LineConfig.Bias.AS_IS;
            case "pull-up" -> LineConfig.Bias.PULL_UP;
            case "pull-down" -> LineConfig.Bias.PULL_DOWN;
            case "disabled" -> LineConfig.Bias.DISABLED;
            default ->
                throw new ConfigException(key, "must be as-is, pull-up, pull-down or disabled (was " + value + ")");
        };
    }

    static LineConfig.Contact parseContact(String key, String value) {
        return switch (String.valueOf(value).toLowerCase(Locale.ROOT)) {
            case "no" -> LineConfig.Contact.NO;
            case "nc" -> LineConfig.Contact.NC;
            default ->
                throw new ConfigException(
                        key, "must be no (normally open) or nc (normally closed) (was " + value + ")");
        };
    }

    static HidInputReader.Mode parseMode(String value) {
        return switch (String.valueOf(value).toLowerCase(Locale.ROOT)) {
            case "card" -> HidInputReader.Mode.CARD;
            case "keypad" -> HidInputReader.Mode.KEYPAD;
            default -> throw new ConfigException("hardware.hid.mode", "must be card or keypad (was " + value + ")");
        };
    }

    private static void checkDistinct(List<Line> lines, Wiegand wiegand) {
        Map<Integer, String> used = new HashMap<>();
        List<Map.Entry<String, Integer>> all = new ArrayList<>();
        for (Line l : lines) {
            if (l.wired()) {
                all.add(Map.entry(l.key() + ".line", l.line()));
            }
        }
        if (wiegand.wired()) {
            all.add(Map.entry("hardware.wiegand.d0", wiegand.d0()));
            all.add(Map.entry("hardware.wiegand.d1", wiegand.d1()));
        }
        for (Map.Entry<String, Integer> e : all) {
            String before = used.putIfAbsent(e.getValue(), e.getKey());
            if (before != null) {
                throw new ConfigException(e.getKey(), "line " + e.getValue() + " is already " + before);
            }
        }
    }
}
