package org.openvto.hardware.linux;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openvto.facade.io.FacadeInputs;
import org.openvto.facade.io.ModuleStatus;

/**
 * A switch on one GPIO input line of the user port: the door sensor, the exit button or the tamper switch.
 * "Active" means door open, button pressed, tamper released; it is the line's level after the kernel's active-low
 * inversion, inverted again for a normally-closed contact. Changes are debounced on the kernel's edge timestamps
 * ({@link Debouncer}) and reported to {@link FacadeInputs} with that timestamp: the lines are requested with
 * {@code GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME}, so it is wall-clock time as the kernel saw the edge. The exit
 * button reports presses only; the door sensor and tamper report both directions, and their state at connect when it
 * differs from the last known one (timestamped from the clock).
 *
 * <p>With a debounce period the kernel debounces too, and stamps a debounced edge when its period has expired
 * after the last bounce (gpiolib-cdev's {@code debounce_work_func} takes the timestamp then), so {@code at} is late
 * by at least the period: set the period no longer than the timing a report needs (20–50 ms for a door).
 * Events the kernel discards when its buffer (256 per request) is full are not reconciled: a switch does not
 * produce 256 edges faster than the reader takes them.
 *
 * <p>A missing or vanished chip is reported as the module's status ({@code door sensor: /dev/gpiochip0: open: No
 * such file or directory}) and retried on the environment's scheduler; nothing is thrown. Thread-safe.
 */
public final class GpioContactInput implements AutoCloseable {
    /** What the switch is. */
    public enum Kind {
        DOOR_SENSOR("door sensor"),
        EXIT_BUTTON("exit button"),
        TAMPER("tamper switch");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Kind kind;
    private final int door;
    private final LineConfig line;
    private final FacadeInputs inputs;
    private final GpioEnvironment env;
    private final Debouncer debouncer;
    private final InputConnection connection;
    private ScheduledFuture<?> settle;
    private final java.util.function.Supplier<LineConfig.Contact> contact;

    /**
     * @param door   the door (1, 2) a door sensor or exit button belongs to; ignored for the tamper switch
     * @param module the module whose status this line reports (0: the camera module with the user port)
     */
    public GpioContactInput(
            Kind kind, int door, int module, LineConfig line, FacadeInputs inputs, GpioEnvironment env) {
        this(kind, door, module, line, line::contact, inputs, env);
    }

    /**
     * @param contact the contact type, read at every change: the door sensor's comes from Local Setting › Access
     *                Control (Door Contact NO/NC), so a saved change applies from the next edge
     */
    public GpioContactInput(
            Kind kind,
            int door,
            int module,
            LineConfig line,
            java.util.function.Supplier<LineConfig.Contact> contact,
            FacadeInputs inputs,
            GpioEnvironment env) {
        this.contact = contact;
        this.kind = kind;
        this.door = door;
        this.line = line;
        this.inputs = inputs;
        this.env = env;
        this.debouncer = new Debouncer(line.debounce().toNanos(), false);
        this.connection = new InputConnection(
                env,
                line.chip(),
                new int[] {line.offset()},
                line.settings(),
                new Listener(),
                s -> inputs.status(module, s.online() ? s : ModuleStatus.offline(kind.label + ": " + s.reason())));
    }

    /** Requests the line and starts reading; returns at once (an absent chip is retried in the background). */
    public void start() {
        connection.start();
    }

    /** Whether the switch is active now (debounced). */
    public synchronized boolean active() {
        return debouncer.level();
    }

    public ModuleStatus status() {
        return connection.status();
    }

    @Override
    public void close() {
        connection.close();
    }

    /** Test seam: one reader pass. */
    boolean pumpOnce() {
        return connection.pumpOnce();
    }

    private boolean active(boolean level) {
        return contact.get() == LineConfig.Contact.NC ? !level : level;
    }

    private final class Listener implements InputConnection.Listener {
        @Override
        public void connected(GpioChip.InputLines lines) throws IOException {
            boolean now = active(lines.level(line.offset()));
            boolean changed;
            synchronized (GpioContactInput.this) {
                changed = now != debouncer.level();
                debouncer.reset(now);
            }
            if (changed && kind != Kind.EXIT_BUTTON) {
                report(now, env.clock().instant());
            }
        }

        @Override
        public void edge(GpioChip.Edge edge) {
            Optional<Debouncer.Change> change;
            synchronized (GpioContactInput.this) {
                change = debouncer.edge(active(edge.rising()), edge.timestampNanos());
                scheduleSettle();
            }
            change.ifPresent(GpioContactInput.this::report);
        }
    }

    private void scheduleSettle() {
        if (settle != null) {
            settle.cancel(false);
        }
        settle = debouncer.settling()
                ? env.scheduler().schedule(this::settle, line.debounce().toNanos(), TimeUnit.NANOSECONDS)
                : null;
    }

    private void settle() {
        Optional<Debouncer.Change> change;
        synchronized (this) {
            change = debouncer.settle();
        }
        change.ifPresent(this::report);
    }

    private void report(Debouncer.Change change) {
        report(change.level(), Instant.ofEpochSecond(0, change.timestampNanos()));
    }

    private void report(boolean active, Instant at) {
        switch (kind) {
            case DOOR_SENSOR -> inputs.doorSensor(door, active, at);
            case EXIT_BUTTON -> {
                if (active) {
                    inputs.exitButton(door, at);
                }
            }
            case TAMPER -> inputs.tamper(active, at);
        }
    }
}
