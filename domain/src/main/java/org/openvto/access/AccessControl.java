package org.openvto.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openvto.alarm.AlarmService;
import org.openvto.alarm.AlarmType;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeOutputs;
import org.openvto.facade.io.LockRelay;
import org.openvto.records.RecordStore;
import org.openvto.records.UnlockRecord;

/**
 * Opens the door: runs the {@link AccessDecision} for a credential, then acts on it — energizes the chosen lock
 * relays for the Unlock Period (first, so the door does not hesitate), stores the unlock record (durable before
 * {@link #unlock} returns, so an unlock reported done is never lost), gives the visitor the feedback (unlock
 * indicator and tone, or the refusal prompt and nothing lit), announces {@link AccessEvent}s and raises the duress
 * and keypad alarms. The keypad lock-out is kept here.
 *
 * <p>Thread-safe: decisions are serialised (the Unlock Responding Interval is about the previous unlock). Blocking
 * (a store lookup and a write): call it from a worker thread, never a protocol or driver thread.
 */
public final class AccessControl {
    private final AccessDecision decision;
    private final Supplier<AccessSettings> settings;
    private final Supplier<List<LockRelay>> locks;
    private final FacadeOutputs outputs;
    private final java.util.function.Consumer<List<String>> message;
    private final RecordStore<UnlockRecord> records;
    private final AlarmService alarms;
    private final EventBus bus;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final KeypadLockout lockout;
    private Optional<Instant> lastUnlock = Optional.empty();
    private ScheduledFuture<?> indicatorOff;

    /** What {@link #unlock} did: the decision and the stored record. */
    public record Outcome(Decision decision, UnlockRecord record) {
        public boolean granted() {
            return decision instanceof Decision.Granted;
        }
    }

    /**
     * @param locks   the lock relays of the user port (simulated, or GPIO on a board)
     * @param outputs the indicator and the speaker
     * @param message shows a message on the display for a while (then the user directory comes back)
     */
    public AccessControl(
            AccessDecision decision,
            Supplier<AccessSettings> settings,
            Supplier<List<LockRelay>> locks,
            FacadeOutputs outputs,
            java.util.function.Consumer<List<String>> message,
            RecordStore<UnlockRecord> records,
            AlarmService alarms,
            EventBus bus,
            Clock clock,
            ScheduledExecutorService scheduler) {
        this.decision = decision;
        this.settings = settings;
        this.locks = locks;
        this.outputs = outputs;
        this.message = message;
        this.records = records;
        this.alarms = alarms;
        this.bus = bus;
        this.clock = clock;
        this.scheduler = scheduler;
        this.lockout = new KeypadLockout(
                clock,
                () -> settings.get().keypadLockAfter(),
                () -> settings.get().keypadLockTime());
    }

    /** Until when the keypad takes no password, if it is locked now. */
    public Optional<Instant> keypadLockedUntil() {
        return lockout.lockedUntil();
    }

    /**
     * Decides on {@code credential} and acts on the decision; returns once the record is stored. Decisions are
     * serialised; their records are written concurrently (the store orders them by time).
     */
    public Outcome unlock(Credential credential) {
        AccessSettings s = settings.get();
        Outcome outcome;
        Decision decided;
        Instant decidedAt;
        Optional<Instant> keypadLocked = Optional.empty();
        synchronized (this) {
            Instant at = clock.instant();
            Decision d = credential instanceof Credential.Keypad
                            && lockout.lockedUntil().isPresent()
                    ? new Decision.Refused(
                            Decision.Identity.anonymous(UnlockMethod.PASSWORD, ""), Refusal.KEYPAD_LOCKED)
                    : decision.decide(credential, at, lastUnlock);
            if (d instanceof Decision.Granted g) {
                d = energize(g, s, at);
            }
            if (credential instanceof Credential.Keypad) {
                if (d instanceof Decision.Refused r && r.reason() == Refusal.WRONG_PASSWORD) {
                    keypadLocked = lockout.wrong();
                } else if (d instanceof Decision.Granted) {
                    lockout.right();
                }
            }
            decided = d;
            decidedAt = at;
        }
        // stored outside the decision lock: the next card is decided (and its relay energized) while this
        // record is still being written; unlock() still returns only once it is durable
        outcome = new Outcome(decided, records.append(record(decided, decidedAt)));
        feedback(outcome, s, keypadLocked);
        announce(outcome, s, keypadLocked);
        return outcome;
    }

    /** The relay stage: pulses every chosen relay that is online; refused when none is. */
    private Decision energize(Decision.Granted g, AccessSettings s, Instant at) {
        List<LockRelay> chosen = new ArrayList<>();
        for (LockRelay relay : locks.get()) {
            if (g.lock().opens(relay.number()) && relay.status().online()) {
                chosen.add(relay);
            }
        }
        if (chosen.isEmpty()) {
            return new Decision.Refused(g.who(), Refusal.LOCK_OFFLINE);
        }
        chosen.forEach(r -> r.pulse(s.unlockPeriod()));
        lastUnlock = Optional.of(at);
        return g;
    }

    private static UnlockRecord record(Decision d, Instant at) {
        Decision.Identity who = d.who();
        return switch (d) {
            case Decision.Granted g ->
                new UnlockRecord(
                        0,
                        at,
                        who.method(),
                        who.room(),
                        who.person(),
                        who.personId(),
                        who.credential(),
                        g.lock().code(),
                        null,
                        who.duress());
            case Decision.Refused r ->
                new UnlockRecord(
                        0,
                        at,
                        who.method(),
                        who.room(),
                        who.person(),
                        who.personId(),
                        who.credential(),
                        0,
                        r.reason(),
                        false);
        };
    }

    /** Granted: unlock indicator for the Unlock Period and the unlock tone. Refused: the refusal prompt, nothing lit. */
    private void feedback(Outcome o, AccessSettings s, Optional<Instant> keypadLocked) {
        if (o.decision() instanceof Decision.Refused r) {
            outputs.play(new FacadeOutputs.Sound("error"));
            message.accept(
                    keypadLocked.isPresent()
                            ? List.of(
                                    "Keypad locked",
                                    "Try again in " + s.keypadLockTime().toMinutes() + " min")
                            : List.of("Not opened", r.reason().text()));
            return;
        }
        if (o.decision().who().method() == UnlockMethod.EXIT_BUTTON) {
            return; // inside the door: no prompt outside
        }
        outputs.play(new FacadeOutputs.Sound("unlock"));
        message.accept(List.of("Door open", "Please come in"));
        outputs.indicator(FacadeOutputs.Indicator.UNLOCK, true);
        synchronized (this) {
            if (indicatorOff != null) {
                indicatorOff.cancel(false);
            }
            indicatorOff = scheduler.schedule(
                    () -> outputs.indicator(FacadeOutputs.Indicator.UNLOCK, false),
                    s.unlockPeriod().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void announce(Outcome o, AccessSettings s, Optional<Instant> keypadLocked) {
        UnlockRecord r = o.record();
        bus.publish(new AccessEvent.Decided(r));
        if (o.decision() instanceof Decision.Granted g) {
            Instant until = r.at().plus(s.unlockPeriod());
            for (int lock = 1; lock <= 2; lock++) {
                if (g.lock().opens(lock)) {
                    bus.publish(new AccessEvent.Unlocked(lock, r.method(), r.at(), until));
                }
            }
            if (r.duress() && s.duressAlarm()) {
                alarms.raise(AlarmType.DURESS, "Duress PIN of " + r.person() + ", room " + r.room(), r.room());
            }
        }
        keypadLocked.ifPresent(until -> {
            bus.publish(new AccessEvent.KeypadLocked(r.at(), until));
            alarms.raise(
                    AlarmType.KEYPAD_LOCKED,
                    s.keypadLockAfter() + " wrong passwords: keypad locked for "
                            + Duration.between(r.at(), until).toMinutes() + " min",
                    "");
        });
    }
}
