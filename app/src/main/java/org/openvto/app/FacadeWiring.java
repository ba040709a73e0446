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
import org.openvto.hardware.HardwareConfig;
import org.openvto.hardware.audio.Speaker;
import org.openvto.hardware.linux.GpioEnvironment;
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
    private final java.util.concurrent.atomic.AtomicReference<Known> layout =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean reloadPending =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final FacadeFeedback feedback;
    private final EventBus.Subscription configSubscription;

    FacadeWiring(
            FacadeService facade,
            RoomListService rooms,
            org.openvto.household.AccessControlService access,
            EventBus bus,
            Clock clock,
            HardwareConfig hardware) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("facade-timers").daemon().factory());
        // the drivers' threads look keys up here: from memory, reread on every config/*/changed, never a query
        this.layout.set(new Known(facade.current(), facade.rooms()));
        FacadeInputsPublisher inputs = new FacadeInputsPublisher(
                bus,
                clock,
                (m, k) -> CallKey.find(layout.get().layout(), layout.get().rooms(), m, k),
                m -> kindOf(layout.get().layout(), m));
        this.linux = hardware.linuxDrivers() ? startLinux(hardware.linux(), inputs, clock, access) : null;
        this.simulated = new SimulatedFacade(
                inputs,
                facade::current,
                clock,
                scheduler,
                bus,
                sound -> speaker.play(sound.name()),
                linux == null ? (led, on) -> {} : linux.indicators()::indicator);
        if (linux != null) {
            simulated.drivenElsewhere(driven(hardware.linux()));
        } else {
            LOG.info("Façade: every module simulated (Door Station › Virtual Façade)");
        }
        // the call keys' light, display and ringback follow the calls feature's state (org.openvto.call.Calls)
        this.feedback = new FacadeFeedback(bus, simulated, scheduler, FEEDBACK, () -> residents(rooms), false);
        // a change is noted on the saving request's thread and reread on the timer thread, once for a burst of
        // changes (the reread goes to the database; nothing is queued, so nothing can be dropped)
        this.configSubscription = bus.subscribe(ConfigChanged.class, "config/", e -> {
            if (reloadPending.compareAndSet(false, true)) {
                scheduler.execute(() -> {
                    reloadPending.set(false);
                    layout.set(new Known(facade.current(), facade.rooms()));
                    simulated.layoutChanged();
                    feedback.refresh();
                });
            }
        });
        simulated.layoutChanged();
    }

    private LinuxHardware startLinux(
            LinuxHardwareConfig config,
            FacadeInputsPublisher inputs,
            Clock clock,
            org.openvto.household.AccessControlService access) {
        LOG.info("Façade: Linux drivers on {} (modules without a driver stay simulated)", config.chip());
        // the door sensor's NO/NC is Access Control's Door Contact, read at every edge (a save applies at once)
        return LinuxHardware.start(
                config,
                inputs,
                GpioEnvironment.linux(scheduler, clock, config.retry()),
                HidInputReader.files(),
                () -> access.current().doorContact() == org.openvto.access.AccessSettings.DoorContact.NO
                        ? org.openvto.hardware.linux.LineConfig.Contact.NO
                        : org.openvto.hardware.linux.LineConfig.Contact.NC);
    }

    /** The modules whose status the Linux drivers report: the camera module's user port and the readers. */
    private static java.util.Set<Integer> driven(LinuxHardwareConfig config) {
        java.util.Set<Integer> driven = new java.util.HashSet<>(java.util.Set.of(0));
        if (config.wiegand().wired()) {
            driven.add(config.wiegand().module());
        }
        if (config.hid().wired()) {
            driven.add(config.hid().module());
        }
        return driven;
    }

    /**
     * Operating the façade by hand: the virtual façade page and its API. Its state shows each module's status as
     * its driver last reported it (simulated, or a GPIO line / reader on a board).
     */
    FacadeControl control() {
        return simulated;
    }

    /** Lock 1 and lock 2: the GPIO relays on a board, the simulated ones on a PC. */
    List<org.openvto.facade.io.LockRelay> locks() {
        return linux != null ? linux.locks() : simulated.locks();
    }

    /** The indicators and the speaker (simulated; LEDs also driven on a board). */
    org.openvto.facade.io.FacadeOutputs outputs() {
        return simulated;
    }

    /** Shows a message on the display for a while, then the user directory. */
    void message(List<String> lines) {
        feedback.message(lines);
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
