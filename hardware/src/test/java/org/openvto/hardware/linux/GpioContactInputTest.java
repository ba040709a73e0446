package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.hardware.linux.RecordingInputs.at;
import static org.openvto.hardware.linux.TestEnv.CHIP;
import static org.openvto.hardware.linux.TestEnv.ms;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openvto.facade.io.ModuleStatus;

class GpioContactInputTest {
    private final TestEnv t = new TestEnv();

    private GpioContactInput start(GpioContactInput.Kind kind, LineConfig line) {
        GpioContactInput input = new GpioContactInput(kind, 1, 0, line, t.inputs, t.env);
        input.start();
        return input;
    }

    @Test
    void activeLowNormallyClosedDoorContactOpensWhenTheLineGoesLow() {
        // pull-up, reed contact to ground, closed while the door is shut: the line is low while shut, so
        // active-low makes "closed contact" = active, and NC turns active into "door open" when it opens
        LineConfig line = LineConfig.of(CHIP, 27).withActiveLow(true).withContact(LineConfig.Contact.NC);
        t.gpio.level(27, false); // door shut: contact closed, line pulled to ground
        GpioContactInput door = start(GpioContactInput.Kind.DOOR_SENSOR, line);

        t.gpio.edge(27, true, ms(1000)); // contact opens: pull-up takes the line high
        door.pumpOnce();
        t.gpio.edge(27, false, ms(9000));
        door.pumpOnce();

        assertThat(t.inputs.events).containsExactly("door 1 open " + at(1000), "door 1 closed " + at(9000));
        assertThat(t.gpio.requests().get(0).settings().activeLow()).isTrue();
    }

    @Test
    void theDoorContactTypeSavedInTheConsoleAppliesFromTheNextChange() {
        java.util.concurrent.atomic.AtomicReference<LineConfig.Contact> contact =
                new java.util.concurrent.atomic.AtomicReference<>(LineConfig.Contact.NO);
        GpioContactInput door = new GpioContactInput(
                GpioContactInput.Kind.DOOR_SENSOR, 1, 0, LineConfig.of(CHIP, 27), contact::get, t.inputs, t.env);
        door.start();
        t.gpio.edge(27, true, ms(5)); // NO: line high = contact closed = door open
        door.pumpOnce();
        contact.set(LineConfig.Contact.NC); // the installer saves Door Contact NC
        t.gpio.edge(27, false, ms(900)); // NC: line low now reads as open
        door.pumpOnce();
        t.gpio.edge(27, true, ms(2000));
        door.pumpOnce();
        assertThat(t.inputs.events).containsExactly("door 1 open " + at(5), "door 1 closed " + at(2000));
    }

    @Test
    void activeHighNormallyOpenContactIsActiveWhileHigh() {
        GpioContactInput door = start(GpioContactInput.Kind.DOOR_SENSOR, LineConfig.of(CHIP, 27));
        t.gpio.edge(27, true, ms(5));
        door.pumpOnce();
        assertThat(t.inputs.events).containsExactly("door 1 open " + at(5));
        assertThat(door.active()).isTrue();
    }

    @Test
    void exitButtonReportsPressesNotReleases() {
        t.gpio.level(22, true); // pull-up: released
        GpioContactInput exit =
                start(GpioContactInput.Kind.EXIT_BUTTON, LineConfig.of(CHIP, 22).withActiveLow(true));
        t.gpio.edge(22, false, ms(10)); // pressed: shorted to ground
        t.gpio.edge(22, true, ms(300));
        exit.pumpOnce();
        assertThat(t.inputs.events).containsExactly("exit 1 " + at(10));
    }

    @Test
    void bouncesWithinTheDebounceWindowAreDroppedAndTheRealChangeKept() {
        LineConfig line = LineConfig.of(CHIP, 22).withDebounce(Duration.ofMillis(20));
        GpioContactInput exit = start(GpioContactInput.Kind.EXIT_BUTTON, line);
        t.gpio.edge(22, true, ms(100));
        t.gpio.edge(22, false, ms(100.3));
        t.gpio.edge(22, true, ms(101));
        t.gpio.edge(22, false, ms(102));
        t.gpio.edge(22, true, ms(104));
        exit.pumpOnce();
        assertThat(t.inputs.events).isEmpty(); // still inside the window

        t.advance(Duration.ofMillis(20));
        assertThat(t.inputs.events).containsExactly("exit 1 " + at(100));
        assertThat(t.gpio.requests().get(0).settings().debounceMicros()).isEqualTo(20_000);
    }

    @Test
    void aGlitchShorterThanTheDebounceWindowIsNotAPress() {
        LineConfig line = LineConfig.of(CHIP, 22).withDebounce(Duration.ofMillis(20));
        GpioContactInput exit = start(GpioContactInput.Kind.EXIT_BUTTON, line);
        t.gpio.pulse(22, true, ms(100), ms(0.5));
        exit.pumpOnce();
        t.advance(Duration.ofMillis(50));
        assertThat(t.inputs.events).isEmpty();
    }

    @Test
    void tamperReleasedAtStartIsReportedWithTheClock() {
        t.gpio.level(23, true); // NC switch open: the device is off the wall
        start(
                GpioContactInput.Kind.TAMPER,
                LineConfig.of(CHIP, 23).withContact(LineConfig.Contact.NC).withActiveLow(true));
        assertThat(t.inputs.events).containsExactly("tamper released @2026-12-02T10:00:00Z");
    }

    @Test
    void aMissingChipIsReportedOfflineAndRetriedUntilItAppears() {
        t.gpio.unplug();
        GpioContactInput door = start(GpioContactInput.Kind.DOOR_SENSOR, LineConfig.of(CHIP, 27));
        assertThat(door.status()).isEqualTo(ModuleStatus.offline("/dev/gpiochip0: open: No such file or directory"));
        assertThat(t.inputs.statuses)
                .containsExactly(ModuleStatus.offline("door sensor: /dev/gpiochip0: open: No such file or directory"));

        t.advance(Duration.ofSeconds(5));
        assertThat(t.inputs.statuses).hasSize(1); // still absent: no repeated report
        t.gpio.plug();
        t.advance(Duration.ofSeconds(5));

        assertThat(door.status()).isEqualTo(ModuleStatus.ONLINE);
        assertThat(t.inputs.statuses).last().isEqualTo(ModuleStatus.ONLINE);
    }

    @Test
    void aChipThatDisappearsGoesOfflineThenReconnectsAndReadsAgain() {
        GpioContactInput door = start(GpioContactInput.Kind.DOOR_SENSOR, LineConfig.of(CHIP, 27));
        t.gpio.unplug();
        assertThat(door.pumpOnce()).isFalse();
        assertThat(t.inputs.statuses)
                .containsExactly(
                        ModuleStatus.ONLINE,
                        ModuleStatus.offline("door sensor: /dev/gpiochip0: read events: No such device"));

        t.gpio.plug();
        t.advance(Duration.ofSeconds(5));
        assertThat(t.inputs.statuses).last().isEqualTo(ModuleStatus.ONLINE);
        t.gpio.edge(27, true, ms(7));
        assertThat(door.pumpOnce()).isTrue();
        assertThat(t.inputs.events).containsExactly("door 1 open " + at(7));
    }

    @Test
    void closingStopsRetrying() {
        t.gpio.unplug();
        GpioContactInput door = start(GpioContactInput.Kind.DOOR_SENSOR, LineConfig.of(CHIP, 27));
        door.close();
        assertThat(t.scheduler.pending()).isZero();
    }
}
