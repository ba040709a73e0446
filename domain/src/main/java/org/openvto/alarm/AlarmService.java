package org.openvto.alarm;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openvto.centre.CentreJson;
import org.openvto.centre.Outbox;
import org.openvto.event.EventBus;
import org.openvto.validation.Result;

/**
 * Raises, acknowledges and clears alarms. {@link #raise} stores the alarm with its messages to every destination of
 * the centre in one transaction, then announces it and starts delivery; when every destination has it the alarm
 * is {@code DELIVERED}. An operator {@link #acknowledge}s it; it is {@code CLEARED} once acknowledged and its
 * condition has ended ({@link #conditionEnded}). Each change is stored before it is announced as an {@link
 * AlarmChanged}. Thread-safe (transitions are serialised); called from the access and door watchers and the web.
 */
public final class AlarmService {
    private final AlarmStore store;
    private final Outbox outbox;
    private final EventBus bus;
    private final Clock clock;
    private final Supplier<Origin> origin;

    /** Who raises: the VTO, as the centre knows it. */
    public record Origin(String vtoNumber, String deviceName) {}

    public AlarmService(AlarmStore store, Outbox outbox, EventBus bus, Clock clock, Supplier<Origin> origin) {
        this.store = store;
        this.outbox = outbox;
        this.bus = bus;
        this.clock = clock;
        this.origin = origin;
    }

    /** Raises an alarm: stored (with its outbox messages) before this returns, then announced and sent. */
    public Alarm raise(AlarmType type, String detail, String room) {
        Alarm stored;
        synchronized (this) {
            stored = store.raise(
                    Alarm.raised(type, detail, room, clock.instant()),
                    a -> outbox.messagesFor("alarm/" + a.type().token(), a.key(), body(a)));
        }
        bus.publish(new AlarmChanged(stored));
        outbox.wake();
        return stored;
    }

    /** The JSON the centre receives (docs/CENTRE.md). */
    String body(Alarm a) {
        Origin o = origin.get();
        return new CentreJson()
                .put("key", a.key())
                .put("event", "alarm")
                .put("type", a.type().token())
                .put("title", a.type().title())
                .put("state", a.state().token())
                .put("detail", a.detail())
                .put("room", a.room())
                .put("vto", o.vtoNumber())
                .put("device", o.deviceName())
                .put("raisedAt", a.raisedAt().toString())
                .toString();
    }

    /** An operator acknowledged the alarm; refused (nothing changed) when it is unknown or already acknowledged. */
    public Result<Alarm> acknowledge(long id, String by) {
        Alarm changed;
        synchronized (this) {
            Optional<Alarm> a = store.get(id);
            if (a.isEmpty()) {
                return Result.rejected("id", "there is no alarm " + id);
            }
            if (a.get().state() == AlarmState.ACKNOWLEDGED || a.get().state() == AlarmState.CLEARED) {
                return Result.rejected(
                        "id", "alarm " + id + " is already " + a.get().state().token());
            }
            changed = a.get().acknowledged(by, clock.instant());
            store.update(changed);
        }
        bus.publish(new AlarmChanged(changed));
        return Result.applied(changed);
    }

    /** The condition of every active alarm of {@code type} has ended (tamper switch back, door closed). */
    public void conditionEnded(AlarmType type) {
        List<Alarm> changed;
        synchronized (this) {
            changed = store.active().stream()
                    .filter(a -> a.type() == type && !a.conditionEnded())
                    .map(a -> a.conditionEnded(clock.instant()))
                    .toList();
            changed.forEach(store::update);
        }
        changed.forEach(a -> bus.publish(new AlarmChanged(a)));
    }

    /** Called by the outbox when no destination has {@code key} undelivered. */
    public void delivered(String key) {
        if (!key.startsWith("vto-alarm-")) {
            return;
        }
        Alarm changed;
        synchronized (this) {
            long id;
            try {
                id = Long.parseLong(key.substring("vto-alarm-".length()));
            } catch (NumberFormatException e) {
                return;
            }
            Optional<Alarm> a = store.get(id);
            if (a.isEmpty() || a.get().deliveredAt().isPresent()) {
                return;
            }
            changed = a.get().delivered(clock.instant());
            store.update(changed);
        }
        bus.publish(new AlarmChanged(changed));
    }

    public List<Alarm> active() {
        return store.active();
    }

    public AlarmStore store() {
        return store;
    }
}
