/**
 * The façade's drivers on a Linux single-board computer (docs/HARDWARE.md): lock relays, door sensor, exit button,
 * tamper switch and LEDs on GPIO lines through the character device's v2 uAPI ({@link
 * org.openvto.hardware.linux.JnaGpioChip}, JNA), a Wiegand 26/34-bit reader on two lines and HID keyboard-wedge
 * readers or keypads through {@code /dev/input/eventN}. The kernel sits behind the narrow {@link
 * org.openvto.hardware.linux.GpioChip} seam, so the drivers' logic (debounce on kernel timestamps, contact
 * inversion, relay timers, Wiegand frames, evdev parsing, reconnecting) is tested against fakes. Every driver
 * reports to {@code FacadeInputs} and its status instead of throwing; malformed input is counted, never a crash.
 * {@link org.openvto.hardware.linux.LinuxHardware} starts them from a {@link
 * org.openvto.hardware.linux.LinuxHardwareConfig}.
 */
package org.openvto.hardware.linux;
