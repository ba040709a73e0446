package org.openvto.access;

import java.util.List;
import org.openvto.alarm.AlarmService;
import org.openvto.alarm.AlarmType;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeEvent;
import org.openvto.validation.Result;

/**
 * Connects the façade's inputs to access control: cards, fingers and the keypad's {@code #…#} go to {@link
 * AccessControl} (a finger is an enrolment while one waits), the exit button opens (if enabled), the door sensor
 * drives the {@link DoorMonitor}, and the tamper switch raises (and ends) the tamper alarm.
 *
 * <p>Subscribes <em>asynchronously</em>: the drivers' threads only queue the event; one virtual thread decides,
 * so decisions (which read and write the database) never block a driver, and come in the order the inputs came.
 */
public final class AccessInputs implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccessInputs.class);

    private final AccessControl access;
    private final PeopleService people;
    private final DoorMonitor door;
    private final AlarmService alarms;
    private final java.util.function.Consumer<List<String>> message;
    private final KeypadEntry keypad = new KeypadEntry();
    private final List<EventBus.Subscription> subscriptions;

    public AccessInputs(
            EventBus bus,
            AccessControl access,
            PeopleService people,
            DoorMonitor door,
            AlarmService alarms,
            java.util.function.Consumer<List<String>> message) {
        this.access = access;
        this.people = people;
        this.door = door;
        this.alarms = alarms;
        this.message = message;
        this.subscriptions = List.of(
                bus.subscribeAsync(FacadeEvent.class, "", 4096, this::on),
                bus.subscribe(
                        AccessEvent.Unlocked.class,
                        "door/1/",
                        u -> door.on(new DoorMonitor.Input.Unlocked(u.at(), u.until()))));
    }

    private void on(FacadeEvent e) {
        switch (e) {
            case FacadeEvent.CardPresented c -> access.unlock(new Credential.Presented(c.number(), c.reader()));
            case FacadeEvent.FingerPresented f -> finger(f);
            case FacadeEvent.KeypadPressed k -> keypad(k);
            case FacadeEvent.ExitButtonPressed b -> access.unlock(new Credential.ExitButton(b.door()));
            case FacadeEvent.DoorSensorChanged d -> {
                if (d.door() == 1) {
                    door.on(
                            d.open()
                                    ? new DoorMonitor.Input.SensorOpened(d.at())
                                    : new DoorMonitor.Input.SensorClosed(d.at()));
                }
            }
            case FacadeEvent.TamperChanged t -> {
                if (t.released()) {
                    alarms.raise(AlarmType.TAMPER, "Tamper switch released: the VTO was taken off the wall", "");
                } else {
                    alarms.conditionEnded(AlarmType.TAMPER);
                }
            }
            case FacadeEvent.CallKeyPressed c -> {}
            case FacadeEvent.ModuleStatusChanged m -> {}
            case FacadeEvent.OutputChanged o -> {}
        }
    }

    private void finger(FacadeEvent.FingerPresented f) {
        var enrolled = people.enrol(f.template());
        if (enrolled.isEmpty()) {
            access.unlock(new Credential.Finger(f.template()));
            return;
        }
        switch (enrolled.get()) {
            case Result.Applied<Fingerprint> a -> {
                message.accept(List.of("Fingerprint enrolled", a.value().label()));
                LOG.info("Fingerprint {} enrolled", a.value().id());
            }
            case Result.Rejected<Fingerprint> r ->
                message.accept(List.of("Not enrolled", r.errors().get(0).message()));
        }
    }

    private void keypad(FacadeEvent.KeypadPressed k) {
        switch (keypad.key(k.key(), k.at())) {
            case KeypadEntry.Step.Idle i -> {}
            case KeypadEntry.Step.Typing t ->
                message.accept(List.of("Password", keypad.masked().orElse("")));
            case KeypadEntry.Step.Complete c -> access.unlock(new Credential.Keypad(c.digits()));
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}
