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
import org.openvto.hardware.audio.Speaker;
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
    /** How long the call indicator and "Calling 101" stay after a call key, until calls drive them. */
    static final Duration FEEDBACK = Duration.ofSeconds(30);

    private final ScheduledExecutorService scheduler;
    private final Speaker speaker = new Speaker();
    private final SimulatedFacade simulated;
    private final FacadeFeedback feedback;
    private final EventBus.AsyncSubscription configSubscription;

    FacadeWiring(FacadeService facade, RoomListService rooms, EventBus bus, Clock clock) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("facade-timers").daemon().factory());
        FacadeInputsPublisher inputs = new FacadeInputsPublisher(
                bus, clock, (m, k) -> CallKey.find(facade.current(), facade.rooms(), m, k), m -> kindOf(facade, m));
        this.simulated = new SimulatedFacade(
                inputs, facade::current, clock, scheduler, bus, sound -> speaker.play(sound.name()));
        this.feedback = new FacadeFeedback(bus, simulated, scheduler, FEEDBACK, () -> residents(rooms));
        // off the saving request's thread: the reread goes to the database
        this.configSubscription = bus.subscribeAsync(ConfigChanged.class, "config/", 16, e -> {
            simulated.layoutChanged();
            feedback.refresh();
        });
        simulated.layoutChanged();
    }

    /** Operating the façade by hand: the virtual façade page and its API. */
    FacadeControl control() {
        return simulated;
    }

    private static String kindOf(FacadeService facade, int module) {
        FacadeLayout l = facade.current();
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
        scheduler.shutdownNow();
        speaker.close();
    }
}
