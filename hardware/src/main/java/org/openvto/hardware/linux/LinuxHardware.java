package org.openvto.hardware.linux;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvto.facade.io.FacadeInputs;
import org.openvto.facade.io.FacadeOutputs.Indicator;
import org.openvto.facade.io.LockRelay;

/**
 * Every wired driver of a {@link LinuxHardwareConfig}, started: lock relays, door sensor, exit button, tamper
 * switch, indicator LEDs, Wiegand and HID readers, all reporting to one {@link FacadeInputs}. Starting never fails
 * for a missing device (each driver reports it as a status and retries). Door sensor and exit button belong to door
 * 1, and with the tamper switch report as module 0 (the camera module carries the user port). Thread-safe; close
 * releases the locks and stops every driver.
 */
public final class LinuxHardware implements AutoCloseable {
    private final List<GpioLockRelay> locks = new ArrayList<>();
    private final List<GpioContactInput> contacts = new ArrayList<>();
    private final GpioIndicators indicators;
    private final Optional<WiegandReader> wiegand;
    private final Optional<HidInputReader> hid;

    private LinuxHardware(
            LinuxHardwareConfig config,
            FacadeInputs inputs,
            GpioEnvironment env,
            HidInputReader.Opener hidOpener,
            java.util.function.Supplier<LineConfig.Contact> doorContact) {
        String chip = config.chip();
        config.lock1().on(chip).ifPresent(l -> locks.add(new GpioLockRelay(1, l, env)));
        config.lock2().on(chip).ifPresent(l -> locks.add(new GpioLockRelay(2, l, env)));
        config.doorSensor()
                .on(chip)
                .ifPresent(l -> contacts.add(new GpioContactInput(
                        GpioContactInput.Kind.DOOR_SENSOR,
                        1,
                        0,
                        l,
                        doorContact == null ? l::contact : doorContact,
                        inputs,
                        env)));
        contact(GpioContactInput.Kind.EXIT_BUTTON, config.exitButton(), chip, inputs, env);
        contact(GpioContactInput.Kind.TAMPER, config.tamper(), chip, inputs, env);
        Map<Indicator, LineConfig> leds = new EnumMap<>(Indicator.class);
        config.ledCall().on(chip).ifPresent(l -> leds.put(Indicator.CALL, l));
        config.ledTalk().on(chip).ifPresent(l -> leds.put(Indicator.TALK, l));
        config.ledUnlock().on(chip).ifPresent(l -> leds.put(Indicator.UNLOCK, l));
        this.indicators = new GpioIndicators(leds, env);
        this.wiegand = config.wiegand().wired()
                ? Optional.of(new WiegandReader(config.wiegand().on(chip), inputs, env))
                : Optional.empty();
        this.hid = config.hid().wired()
                ? Optional.of(new HidInputReader(config.hid().config(), inputs, hidOpener, env))
                : Optional.empty();
    }

    private void contact(
            GpioContactInput.Kind kind,
            LinuxHardwareConfig.Line line,
            String chip,
            FacadeInputs inputs,
            GpioEnvironment env) {
        line.on(chip).ifPresent(l -> contacts.add(new GpioContactInput(kind, 1, 0, l, inputs, env)));
    }

    /** Builds and starts the wired drivers; returns at once. */
    public static LinuxHardware start(
            LinuxHardwareConfig config, FacadeInputs inputs, GpioEnvironment env, HidInputReader.Opener hidOpener) {
        return start(config, inputs, env, hidOpener, null);
    }

    /**
     * Like {@link #start(LinuxHardwareConfig, FacadeInputs, GpioEnvironment, HidInputReader.Opener)}, with the door
     * sensor's contact type (NO/NC) read from {@code doorContact} at every change instead of the line's {@code
     * contact} key: the console's Door Contact setting.
     */
    public static LinuxHardware start(
            LinuxHardwareConfig config,
            FacadeInputs inputs,
            GpioEnvironment env,
            HidInputReader.Opener hidOpener,
            java.util.function.Supplier<LineConfig.Contact> doorContact) {
        LinuxHardware hw = new LinuxHardware(config, inputs, env, hidOpener, doorContact);
        hw.locks.forEach(GpioLockRelay::start);
        hw.contacts.forEach(GpioContactInput::start);
        hw.indicators.start();
        hw.wiegand.ifPresent(WiegandReader::start);
        hw.hid.ifPresent(HidInputReader::start);
        return hw;
    }

    /** The wired lock relays, lock 1 first. */
    public List<LockRelay> locks() {
        return List.copyOf(locks);
    }

    public GpioIndicators indicators() {
        return indicators;
    }

    public Optional<WiegandReader> wiegand() {
        return wiegand;
    }

    public Optional<HidInputReader> hid() {
        return hid;
    }

    @Override
    public void close() {
        locks.forEach(GpioLockRelay::close);
        contacts.forEach(GpioContactInput::close);
        indicators.close();
        wiegand.ifPresent(WiegandReader::close);
        hid.ifPresent(HidInputReader::close);
    }
}
