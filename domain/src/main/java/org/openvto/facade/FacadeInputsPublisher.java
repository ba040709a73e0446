package org.openvto.facade;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeEvent;
import org.openvto.facade.io.FacadeInputs;
import org.openvto.facade.io.KeypadKey;
import org.openvto.facade.io.ModuleStatus;

/**
 * Turns what the drivers report into the typed {@link FacadeEvent}s on the bus: a call key becomes a press with
 * the room it calls now (empty when it is unassigned or its room was deleted), and a module's status is
 * published when it changes and kept for the pages. Thread-safe; runs on the drivers' threads and never blocks
 * beyond reading the key map.
 */
public final class FacadeInputsPublisher implements FacadeInputs {
    /** The call key at (module, key) as it works now. */
    public interface KeyLookup {
        Optional<CallKey> find(int module, int key);
    }

    private final EventBus bus;
    private final Clock clock;
    private final KeyLookup keys;
    private final IntFunction<String> kindOf;
    private final Map<Integer, ModuleStatus> statuses = new ConcurrentHashMap<>();

    /** @param kindOf the kind token of the module at a cascade position, for the status events */
    public FacadeInputsPublisher(EventBus bus, Clock clock, KeyLookup keys, IntFunction<String> kindOf) {
        this.bus = bus;
        this.clock = clock;
        this.keys = keys;
        this.kindOf = kindOf;
    }

    @Override
    public void callKey(int module, int key, Instant at) {
        String room = keys.find(module, key).flatMap(CallKey::room).orElse("");
        bus.publish(new FacadeEvent.CallKeyPressed(module, key, room, at));
    }

    @Override
    public void keypad(KeypadKey key, Instant at) {
        bus.publish(new FacadeEvent.KeypadPressed(key, at));
    }

    @Override
    public void card(String number, String reader, Instant at) {
        bus.publish(new FacadeEvent.CardPresented(number, reader, at));
    }

    @Override
    public void finger(String template, Instant at) {
        bus.publish(new FacadeEvent.FingerPresented(template, at));
    }

    @Override
    public void tamper(boolean released, Instant at) {
        bus.publish(new FacadeEvent.TamperChanged(released, at));
    }

    @Override
    public void doorSensor(int door, boolean open, Instant at) {
        bus.publish(new FacadeEvent.DoorSensorChanged(door, open, at));
    }

    @Override
    public void exitButton(int door, Instant at) {
        bus.publish(new FacadeEvent.ExitButtonPressed(door, at));
    }

    @Override
    public void status(int module, ModuleStatus status) {
        ModuleStatus before = statuses.put(module, status);
        if (!status.equals(before)) {
            bus.publish(new FacadeEvent.ModuleStatusChanged(module, kindOf.apply(module), status, clock.instant()));
        }
    }

    /** The last status reported for each of the first {@code count} modules ("not reported" when none was). */
    public List<ModuleStatus> statuses(int count) {
        List<ModuleStatus> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(statuses.getOrDefault(i, ModuleStatus.offline("no driver has reported this module")));
        }
        return list;
    }
}
