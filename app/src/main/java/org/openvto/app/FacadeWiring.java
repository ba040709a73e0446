package org.openvto.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.openvto.event.EventBus;
import org.openvto.facade.CallKey;
import org.openvto.facade.FacadeFeedback;
import org.openvto.facade.FacadeInputsPublisher;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.io.FacadeControl;
import org.openvto.facade.io.FacadeOutputs;
import org.openvto.hardware.HardwareConfig;
import org.openvto.hardware.audio.Speaker;
import org.openvto.hardware.linux.GpioEnvironment;
import org.openvto.hardware.linux.GpioIndicators;
import org.openvto.hardware.linux.HidInputReader;
import org.openvto.hardware.linux.LinuxHardware;
import org.openvto.hardware.linux.LinuxHardwareConfig;
import org.openvto.hardware.simulated.SimulatedFacade;
import org.openvto.household.ConfigChanged;
import org.openvto.household.FacadeService;
import org.openvto.household.RoomDevice;
import org.openvto.household.RoomListService;

/**
 * The façade's modules, put together: the drivers (simulated on a PC) report to the input publisher, the
 * visitor feedback drives the outputs, and a saved layout or room list is picked up at once (the module statuses
 * are reported again, the user directory is reread). Timers run on one scheduler thread. Closes in reverse.
 */
final class FacadeWiring implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FacadeWiring.class);
    /** How long the call indicator and "Calling 101" stay after a call key, until calls drive them. */
    static final Duration FEEDBACK = Duration.ofSeconds(30);

    private final ScheduledExecutorService scheduler;
    private final Speaker speaker = new Speaker();
    private final SimulatedFacade simulated;
    private final LinuxHardware linux;
    private final FacadeControl control;
    private final java.util.concurrent.atomic.AtomicReference<Known> layout =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final FacadeFeedback feedback;
    private final EventBus.AsyncSubscription configSubscription;

    FacadeWiring(FacadeService facade, RoomListService rooms, EventBus bus, Clock clock, HardwareConfig hardware) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("facade-timers").daemon().factory());
        // the drivers' threads look keys up here: from memory, reread on every config/*/changed, never a query
        this.layout.set(new Known(facade.current(), facade.rooms()));
        FacadeInputsPublisher inputs = new FacadeInputsPublisher(
                bus,
                clock,
                (m, k) -> CallKey.find(layout.get().layout(), layout.get().rooms(), m, k),
                m -> kindOf(layout.get().layout(), m));
        this.simulated = new SimulatedFacade(
                inputs, facade::current, clock, scheduler, bus, sound -> speaker.play(sound.name()));
        FacadeOutputs outputs = simulated;
        if (hardware.linuxDrivers()) {
            LinuxHardwareConfig linux = hardware.linux();
            this.linux = LinuxHardware.start(
                    linux, inputs, GpioEnvironment.linux(scheduler, clock, linux.retry()), HidInputReader.files());
            outputs = new LedOutputs(simulated, this.linux.indicators());
            java.util.Set<Integer> driven = new java.util.HashSet<>(java.util.Set.of(0)); // the user port
            if (linux.wiegand().wired()) {
                driven.add(linux.wiegand().module());
            }
            if (linux.hid().wired()) {
                driven.add(linux.hid().module());
            }
            simulated.drivenElsewhere(driven);
            LOG.info("Façade: Linux drivers on {} (modules without a driver stay simulated)", linux.chip());
        } else {
            this.linux = null;
            LOG.info("Façade: every module simulated (Door Station › Virtual Façade)");
        }
        this.control = new ReportedStatus(simulated, inputs);
        this.feedback = new FacadeFeedback(bus, outputs, scheduler, FEEDBACK, () -> residents(rooms));
        // off the saving request's thread: the reread goes to the database
        this.configSubscription = bus.subscribeAsync(ConfigChanged.class, "config/", 16, e -> {
            layout.set(new Known(facade.current(), facade.rooms()));
            simulated.layoutChanged();
            feedback.refresh();
        });
        simulated.layoutChanged();
    }

    /**
     * Operating the façade by hand: the virtual façade page and its API. Its state shows each module's status as
     * its driver last reported it (simulated, or a GPIO line / reader on a board).
     */
    FacadeControl control() {
        return control;
    }

    /** The simulated façade, with the module statuses every driver reported. */
    private record ReportedStatus(SimulatedFacade simulated, FacadeInputsPublisher inputs) implements FacadeControl {
        @Override
        public java.util.Optional<String> pressCallKey(int module, int key) {
            return simulated.pressCallKey(module, key);
        }

        @Override
        public java.util.Optional<String> pressKeypad(org.openvto.facade.io.KeypadKey key) {
            return simulated.pressKeypad(key);
        }

        @Override
        public java.util.Optional<String> presentCard(String number) {
            return simulated.presentCard(number);
        }

        @Override
        public java.util.Optional<String> presentFinger(String template) {
            return simulated.presentFinger(template);
        }

        @Override
        public java.util.Optional<String> tamper(boolean released) {
            return simulated.tamper(released);
        }

        @Override
        public java.util.Optional<String> door(boolean open) {
            return simulated.door(open);
        }

        @Override
        public java.util.Optional<String> pressExitButton() {
            return simulated.pressExitButton();
        }

        @Override
        public java.util.Optional<String> plug(int module, boolean connected) {
            return simulated.plug(module, connected);
        }

        @Override
        public FacadeState state() {
            FacadeState s = simulated.state();
            return new FacadeState(
                    inputs.statuses(s.modules().size()),
                    s.indicators(),
                    s.display(),
                    s.lastSound(),
                    s.locks(),
                    s.doorOpen(),
                    s.tamperReleased());
        }
    }

    /** The façade's outputs as simulated (what the pages show), with the indicator lights also on their LEDs. */
    private record LedOutputs(FacadeOutputs shown, GpioIndicators leds) implements FacadeOutputs {
        @Override
        public void indicator(Indicator indicator, boolean on) {
            shown.indicator(indicator, on);
            leds.indicator(indicator, on);
        }

        @Override
        public java.util.Set<Indicator> indicators() {
            return shown.indicators();
        }

        @Override
        public void display(List<String> lines) {
            shown.display(lines);
        }

        @Override
        public List<String> displayed() {
            return shown.displayed();
        }

        @Override
        public void play(Sound sound) {
            shown.play(sound);
        }

        @Override
        public java.util.Optional<Sound> lastPlayed() {
            return shown.lastPlayed();
        }
    }

    /** The layout and the rooms its keys may call, as last read. */
    private record Known(FacadeLayout layout, java.util.Set<String> rooms) {}

    private static String kindOf(FacadeLayout l, int module) {
        return module < l.modules().size() ? l.modules().get(module).kind().token() : "unknown";
    }

    /** The user directory: every room's master with the resident's name. */
    private static List<FacadeFeedback.Resident> residents(RoomListService rooms) {
        return rooms.page("", 0, Integer.MAX_VALUE).stream()
                .filter(r -> r.number().master())
                .map(FacadeWiring::resident)
                .toList();
    }

    private static FacadeFeedback.Resident resident(RoomDevice r) {
        String name = (r.firstName() + " " + r.lastName()).strip();
        return new FacadeFeedback.Resident(r.number().room(), name.isEmpty() ? r.nickName() : name);
    }

    @Override
    public void close() {
        configSubscription.close();
        feedback.close();
        if (linux != null) {
            linux.close();
        }
        scheduler.shutdownNow();
        speaker.close();
    }
}
