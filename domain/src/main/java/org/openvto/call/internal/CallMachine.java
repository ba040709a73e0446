package org.openvto.call.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.openvto.access.Credential;
import org.openvto.call.CallEvent;
import org.openvto.call.CallSettings;
import org.openvto.call.CallSignal;
import org.openvto.call.CallState;
import org.openvto.call.CallStatus;
import org.openvto.call.CallTargets;
import org.openvto.facade.FacadeRules;
import org.openvto.facade.io.FacadeOutputs;
import org.openvto.facade.io.FacadeOutputs.Indicator;
import org.openvto.facade.io.KeypadKey;
import org.openvto.household.RoomNumber;
import org.openvto.records.CallRecord;
import org.openvto.records.CallRecord.Outcome;

/**
 * The door station's call state machine: one visitor call at a time (Quick Start Guide 4.3.1), the emergency call
 * to the centre (1.2, 2.5) before anything else, monitor sessions from indoor monitors (4.3.2), DTMF unlocking by
 * the answering device. Each call goes IDLE → CALLING → RINGING → TALKING → ENDED ({@link CallState}); the RFC 3261
 * or guide section is named at each transition. The outputs (indicators, display, sound) follow the state.
 *
 * <p>Not thread-safe by design: every {@link Input} is handled on the one calls thread, in order, so the machine
 * needs no locks; only {@link #status()} and the counters are read from other threads. It never blocks: the
 * records, the unlocks, the snapshots and the events go to the call's lane on the I/O executor, in order.
 */
public final class CallMachine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CallMachine.class);
    /** The {@code Warning} text of a monitor session refused while the VTO is in a call (RFC 3261 §20.43). */
    public static final String BUSY_WARNING = "the door station is in a call";

    static final FacadeOutputs.Sound RINGBACK = new FacadeOutputs.Sound("ringback");
    static final FacadeOutputs.Sound BUSY = new FacadeOutputs.Sound("busy");
    static final FacadeOutputs.Sound CALL_ENDED = new FacadeOutputs.Sound("call-ended");
    static final FacadeOutputs.Sound NO_ANSWER = new FacadeOutputs.Sound("no-answer");
    static final FacadeOutputs.Sound NO_SUCH_ROOM = new FacadeOutputs.Sound("no-such-room");
    static final FacadeOutputs.Sound ERROR = new FacadeOutputs.Sound("error");
    private static final Duration SECOND = Duration.ofSeconds(1);
    /** The ring tone is 1 s of every 4 (ITU-T E.180: 1 s on, 3–4 s off). */
    private static final int RINGBACK_EVERY = 4;
    /** A prompt ("Line busy") stays this long before the countdown of the active call is shown again. */
    private static final Duration PROMPT = Duration.ofSeconds(3);

    private static final int LANE_CAPACITY = 1024;

    private final Ports p;
    private final NumberEntry entry = new NumberEntry();
    private final AtomicLong dtmfIgnored = new AtomicLong();
    private final AtomicLong signalsIgnored = new AtomicLong();
    private final AtomicLong dialsRefused = new AtomicLong();
    private final AtomicLong recordsFailed = new AtomicLong();
    /** The active call; null when the line is free. */
    private Call call;

    private Instant promptUntil = Instant.MIN;
    private boolean stopped;
    private volatile CallStatus status = CallStatus.IDLE;

    public CallMachine(Ports ports) {
        this.p = ports;
    }

    /** Handles one input; on the calls thread only. */
    public void on(Input input) {
        if (stopped) {
            if (input instanceof Input.Signal s && s.signal() instanceof CallSignal.Incoming i) {
                p.signalling().refuse(i.callId(), 486, BUSY_WARNING); // closing: take no new call
            }
            return;
        }
        switch (input) {
            case Input.CallKey k -> callKey(k.room());
            case Input.Keypad k -> keypad(k.key(), k.at());
            case Input.Signal s -> signal(s.signal());
            case Input.Timeout t -> timeout(t.callId());
            case Input.Tick t -> tick(t.callId());
            case Input.Stop s -> stop();
        }
        status = snapshot();
    }

    public CallStatus status() {
        return status;
    }

    public long dtmfIgnored() {
        return dtmfIgnored.get();
    }

    public long signalsIgnored() {
        return signalsIgnored.get();
    }

    public long dialsRefused() {
        return dialsRefused.get();
    }

    public long recordsFailed() {
        return recordsFailed.get();
    }

    // ---- visitor inputs ----------------------------------------------------------------------------------------

    /** A call key (guide 2.3/2.4): calls its room; the key of the room being called ends that call. */
    private void callKey(String room) {
        if (room.isEmpty()) {
            if (call == null) {
                refuse(List.of("This key has no room", "Use the keyboard or ask the centre"), ERROR);
            } else {
                dialsRefused.incrementAndGet(); // an unassigned key during a call: nothing changes
            }
            return;
        }
        boolean centre = room.equals(FacadeRules.CENTRE_CALL_NO)
                || room.equals(settings().centreNumber());
        request(
                centre ? settings().centreNumber() : room,
                centre,
                call != null && call.outgoing() && call.peer.equals(room));
    }

    /**
     * The keyboard module (guide 2.5): digits without a leading {@code #} are the number, the call key dials it (or,
     * with no other number typed, ends the visitor's call), the call-centre key makes the emergency call.
     */
    private void keypad(KeypadKey key, Instant at) {
        switch (key) {
            case CALL -> {
                String number = entry.number(at);
                entry.key(key, at);
                entry.clear();
                if (call != null) {
                    // the call key alone (or with the number being called) ends the visitor's call
                    request(number, false, call.outgoing() && (number.isEmpty() || number.equals(call.peer)));
                } else if (number.isEmpty()) {
                    refuse(List.of("Enter a room number", "then press the call key"), ERROR);
                } else {
                    request(number, false, false);
                }
            }
            case CENTRE -> {
                entry.key(key, at);
                entry.clear();
                request(settings().centreNumber(), true, false);
            }
            default -> {
                NumberEntry.Step step = entry.key(key, at);
                if (call == null && step != NumberEntry.Step.NONE) {
                    p.display().accept(List.of("Room No.", entry.number(at)));
                }
            }
        }
    }

    /**
     * A visitor asks for {@code number}. One visitor call at a time (guide 4.3.1): while a call is active the
     * visitor's own call key ends it ({@code endsCurrent}), the emergency call ends any other call first (guide
     * 1.2), and any other dial is refused with "line busy", nothing changed.
     */
    private void request(String number, boolean emergency, boolean endsCurrent) {
        if (call != null) {
            if (endsCurrent) {
                hangUp(call, "hung up at the door");
                return;
            }
            if (!emergency || call.emergency) {
                refuse(List.of("Line busy", "Please try again later"), BUSY);
                return;
            }
            hangUp(call, "ended for an emergency call");
        }
        Optional<Call.Target> target = number.equals(settings().centreNumber())
                ? Optional.of(Call.Target.CENTRE)
                : p.targets().kind(number).map(Call.Target::of);
        if (target.isEmpty()) {
            refuse(List.of("No such room", number), NO_SUCH_ROOM);
            return;
        }
        dial(number, target.get(), emergency);
    }

    /** IDLE → CALLING: the INVITE goes out (RFC 3261 §13.2.1); the ring timeout runs from here. */
    private void dial(String number, Call.Target target, boolean emergency) {
        CallSettings s = settings();
        Instant now = p.clock().instant();
        Call c = new Call(
                p.ids().get(),
                CallRecord.Direction.OUTGOING,
                number,
                target,
                target == Call.Target.ROOM ? number : "",
                emergency,
                now,
                lane());
        c.state = CallState.CALLING;
        arm(c, now, s.ringTimeout());
        c.ticks = p.timers().every(SECOND, new Input.Tick(c.id));
        call = c;
        p.signalling().dial(c.id, number);
        publish(c, CallEvent.Kind.INVITE, "", "", now);
        promptUntil = Instant.MIN;
        show(c, now);
    }

    // ---- SIP -------------------------------------------------------------------------------------------------

    private void signal(CallSignal s) {
        switch (s) {
            case CallSignal.Incoming i -> incoming(i);
            case CallSignal.Dtmf d -> dtmf(d);
            case CallSignal.Ringing r when current(r) -> ringing(call, r);
            case CallSignal.Answered a when current(a) -> answered(call, a);
            case CallSignal.Ended e when current(e) -> ended(call, e);
            case CallSignal.Failed f when current(f) -> failed(call, f);
            default -> signalsIgnored.incrementAndGet(); // for a call already recorded (its end came first)
        }
    }

    private boolean current(CallSignal s) {
        return call != null && call.id.equals(s.callId());
    }

    /**
     * CALLING → RINGING on the first 180/183 (RFC 3261 §13.2.2.1); each further device of a group call (guide
     * 1.2, forked by the SIP server) is announced. The snapshot of the visitor is taken now.
     */
    private void ringing(Call c, CallSignal.Ringing r) {
        if (!c.outgoing() || c.state == CallState.TALKING) {
            signalsIgnored.incrementAndGet(); // a late provisional response of another branch
            return;
        }
        Instant now = p.clock().instant();
        boolean first = c.state == CallState.CALLING;
        c.state = CallState.RINGING;
        c.device = r.device();
        publish(c, CallEvent.Kind.RINGING, r.device(), "", now);
        if (first) {
            snapshot(c);
            c.sinceRingback = 0;
            p.outputs().play(RINGBACK);
            show(c, now);
        }
    }

    /** CALLING/RINGING → TALKING on the 2xx (RFC 3261 §13.2.2.4); the talk time runs from here. */
    private void answered(Call c, CallSignal.Answered a) {
        if (!c.outgoing() || c.state == CallState.TALKING) {
            signalsIgnored.incrementAndGet(); // a second 2xx of a forked call: SIP ends that branch (§13.2.2.4)
            return;
        }
        Instant now = p.clock().instant();
        c.state = CallState.TALKING;
        c.answeredAt = now;
        c.device = a.device();
        c.timer.cancel(false);
        arm(c, now, settings().talkTime());
        publish(c, CallEvent.Kind.ANSWERED, a.device(), "", now);
        show(c, now);
    }

    /** → ENDED by a BYE (RFC 3261 §15.1.2) or a CANCEL (§9.2) from the other side, or SIP ending it. */
    private void ended(Call c, CallSignal.Ended e) {
        String reason = "vto".equals(e.by()) ? e.reason() : e.reason() + " from " + e.by();
        end(c, c.answered() ? Outcome.ANSWERED : Outcome.FAILED, reason);
    }

    /**
     * CALLING/RINGING → ENDED by a final non-2xx response (RFC 3261 §13.2.2.3) or none (§17.1.1.2 Timer B, a
     * transport error): 486/600 busy, 603/403 declined, 408/480/487 nobody answered, anything else failed.
     */
    private void failed(Call c, CallSignal.Failed f) {
        String reason = f.status() == 0 || f.reason().startsWith(String.valueOf(f.status()))
                ? f.reason()
                : f.status() + " " + f.reason();
        end(c, c.answered() ? Outcome.ANSWERED : outcomeOf(f.status()), reason);
    }

    static Outcome outcomeOf(int status) {
        return switch (status) {
            case 486, 600 -> Outcome.BUSY;
            case 403, 603 -> Outcome.REFUSED;
            case 408, 480, 487 -> Outcome.MISSED;
            default -> Outcome.FAILED;
        };
    }

    /**
     * A monitor session (guide 4.3.2): IDLE → TALKING, answered at once (RFC 3261 §13.3.1.4) for the monitor time.
     * While the line is busy it is refused with 486 Busy Here and a Warning (§21.4.24, §20.43) and recorded; the
     * active call does not change.
     */
    private void incoming(CallSignal.Incoming i) {
        Instant now = p.clock().instant();
        if (call != null && call.id.equals(i.callId())) {
            signalsIgnored.incrementAndGet(); // the same request again
            return;
        }
        Call c = new Call(
                i.callId(), CallRecord.Direction.INCOMING, i.from(), null, roomOf(i.from()), false, now, lane());
        c.device = i.from();
        if (call != null) {
            p.signalling().refuse(i.callId(), 486, BUSY_WARNING);
            c.state = CallState.ENDED;
            record(c, Outcome.BUSY, "486 Busy Here: " + BUSY_WARNING, now);
            return;
        }
        c.state = CallState.TALKING;
        c.answeredAt = now;
        arm(c, now, settings().monitorTime());
        c.ticks = p.timers().every(SECOND, new Input.Tick(c.id));
        call = c;
        p.signalling().answer(c.id);
        publish(c, CallEvent.Kind.INVITE, "", "", now);
        publish(c, CallEvent.Kind.ANSWERED, c.device, "", now);
        snapshot(c);
        show(c, now);
    }

    /**
     * DTMF from the device talking to the VTO goes to access control (First/Second Unlock Command), on the call's
     * lane; digits from any other device, or for a call that is not talking, are ignored and counted.
     */
    private void dtmf(CallSignal.Dtmf d) {
        if (call == null
                || !call.id.equals(d.callId())
                || call.state != CallState.TALKING
                || !call.device.equals(d.device())) {
            dtmfIgnored.incrementAndGet();
            LOG.info(
                    "DTMF from {} for call {} ignored: not the party of an active call (active: {})",
                    d.device(),
                    d.callId(),
                    call == null ? "none" : call.id + " " + call.state + " " + call.device);
            return;
        }
        Credential.Dtmf credential = new Credential.Dtmf(d.digits(), d.device(), roomOf(d.device()));
        call.lane.execute(() -> p.unlock().accept(credential));
    }

    // ---- timers ----------------------------------------------------------------------------------------------

    /**
     * The call's time is over: before an answer the ring timeout (CANCEL, RFC 3261 §9.1; recorded missed), after it
     * the talk or monitor time (BYE, §15.1.1).
     */
    private void timeout(String callId) {
        if (call == null || !call.id.equals(callId)) {
            return; // the timer fired as its call ended
        }
        Call c = call;
        long seconds = c.limit.toSeconds();
        switch (c.state) {
            case CALLING, RINGING -> {
                p.signalling().hangUp(c.id);
                end(c, Outcome.MISSED, "no answer in " + seconds + " s");
            }
            case TALKING -> {
                p.signalling().hangUp(c.id);
                end(c, Outcome.ANSWERED, (c.outgoing() ? "talk time " : "monitor time ") + seconds + " s over");
            }
            case IDLE, ENDED -> {}
        }
    }

    private void tick(String callId) {
        if (call == null || !call.id.equals(callId)) {
            return;
        }
        if (call.state == CallState.RINGING && ++call.sinceRingback >= RINGBACK_EVERY) {
            call.sinceRingback = 0;
            p.outputs().play(RINGBACK);
        }
        show(call, p.clock().instant());
    }

    private void stop() {
        if (call != null) {
            hangUp(call, "the VTO stopped");
        }
        stopped = true;
    }

    // ---- ending and recording --------------------------------------------------------------------------------

    /** The VTO ends the call: CANCEL before an answer (RFC 3261 §9.1), BYE after (§15.1.1). */
    private void hangUp(Call c, String reason) {
        p.signalling().hangUp(c.id);
        end(c, c.answered() ? Outcome.ANSWERED : Outcome.CANCELLED, reason);
    }

    /** → ENDED: the line is free at once; the record is written, then the end announced, on the call's lane. */
    private void end(Call c, Outcome outcome, String reason) {
        Instant now = p.clock().instant();
        c.cancelTimers();
        c.state = CallState.ENDED;
        call = null;
        entry.clear();
        record(c, outcome, reason, now);
        feedback(c, outcome, reason);
    }

    private void record(Call c, Outcome outcome, String reason, Instant now) {
        CallRecord r = new CallRecord(
                0,
                c.id,
                c.startedAt,
                now,
                c.direction,
                c.peer,
                c.room,
                outcome,
                c.answered() ? c.device : "",
                c.talk(now),
                c.emergency,
                reason,
                false);
        CallEvent done = new CallEvent(c.id, kindOf(outcome), c.peer, c.device, now, reason, c.emergency);
        c.lane.execute(() -> {
            try {
                Optional<byte[]> jpeg = c.snapshot;
                CallRecord stored = p.records().append(r.withSnapshot(jpeg.isPresent()));
                jpeg.ifPresent(j -> p.snapshots().put(stored.id(), j));
            } catch (RuntimeException e) {
                recordsFailed.incrementAndGet();
                LOG.error("The record of call {} was not stored", c.id, e);
            }
            p.bus().publish(done); // write before you report
        });
    }

    static CallEvent.Kind kindOf(Outcome outcome) {
        return switch (outcome) {
            case ANSWERED, CANCELLED -> CallEvent.Kind.HUNG_UP;
            case MISSED -> CallEvent.Kind.NOT_ANSWERED;
            case BUSY, REFUSED -> CallEvent.Kind.REFUSED;
            case FAILED -> CallEvent.Kind.FAILED;
        };
    }

    /** What the visitor sees and hears when a call ends. */
    private void feedback(Call c, Outcome outcome, String reason) {
        indicators(EnumSet.noneOf(Indicator.class));
        if (!c.outgoing()) {
            p.display().accept(List.of("Call ended"));
            return;
        }
        switch (outcome) {
            case ANSWERED, CANCELLED -> prompt(List.of("Call ended"), CALL_ENDED);
            case MISSED -> prompt(List.of("No answer", "Please try again later"), NO_ANSWER);
            case BUSY -> prompt(List.of("Line busy", "Please try again later"), BUSY);
            case REFUSED -> prompt(List.of("Call declined"), BUSY);
            case FAILED -> prompt(List.of("Call failed", reason), ERROR);
        }
    }

    // ---- outputs ---------------------------------------------------------------------------------------------

    /** A rejected input: the prompt and its sound, nothing else changed. */
    private void refuse(List<String> lines, FacadeOutputs.Sound sound) {
        dialsRefused.incrementAndGet();
        prompt(lines, sound);
    }

    private void prompt(List<String> lines, FacadeOutputs.Sound sound) {
        p.display().accept(lines);
        p.outputs().play(sound);
        promptUntil = p.clock().instant().plus(PROMPT);
    }

    /** The outputs follow the state: CALL lit while calling and ringing, TALK while talking; the countdown. */
    private void show(Call c, Instant now) {
        indicators(
                switch (c.state) {
                    case CALLING, RINGING -> EnumSet.of(Indicator.CALL);
                    case TALKING -> EnumSet.of(Indicator.TALK);
                    case IDLE, ENDED -> EnumSet.noneOf(Indicator.class);
                });
        if (now.isBefore(promptUntil)) {
            return; // "Line busy" stays a moment before the countdown comes back
        }
        long left = c.secondsLeft(now);
        String calling = c.emergency ? "Emergency call to " + c.who() : "Calling " + c.who();
        p.display()
                .accept(
                        switch (c.state) {
                            case CALLING -> List.of(calling, "Please wait · " + left + " s");
                            case RINGING -> List.of(calling, "Ringing · " + left + " s");
                            case TALKING ->
                                List.of(
                                        c.emergency
                                                ? "Emergency call: " + c.who()
                                                : c.outgoing() ? "Talking with " + c.who() : "Monitored by " + c.who(),
                                        left + " s left");
                            case IDLE, ENDED -> List.of();
                        });
    }

    /** Sets CALL and TALK (UNLOCK is access control's) only where they differ, so no change is announced twice. */
    private void indicators(Set<Indicator> lit) {
        Set<Indicator> now = p.outputs().indicators();
        for (Indicator i : List.of(Indicator.CALL, Indicator.TALK)) {
            if (now.contains(i) != lit.contains(i)) {
                p.outputs().indicator(i, lit.contains(i));
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void arm(Call c, Instant now, Duration limit) {
        c.limit = limit;
        c.deadline = now.plus(limit);
        c.timer = p.timers().after(limit, new Input.Timeout(c.id));
    }

    private void snapshot(Call c) {
        c.lane.execute(() -> {
            Optional<byte[]> jpeg = p.camera().get();
            c.snapshot = jpeg == null ? Optional.empty() : jpeg;
        });
    }

    private void publish(Call c, CallEvent.Kind kind, String device, String reason, Instant at) {
        CallEvent e = new CallEvent(c.id, kind, c.peer, device, at, reason, c.emergency);
        c.lane.execute(() -> p.bus().publish(e));
    }

    private SerialExecutor lane() {
        return new SerialExecutor(p.io(), LANE_CAPACITY);
    }

    private CallSettings settings() {
        return p.settings().get();
    }

    /** The room of a device ({@code 101#1} → {@code 101}, a room number itself); empty for a VTO or the centre. */
    private String roomOf(String device) {
        if (device.indexOf('#') > 0) {
            return RoomNumber.parse(device).map(RoomNumber::room).orElse("");
        }
        return p.targets().kind(device).filter(k -> k == CallTargets.Kind.ROOM).isPresent() ? device : "";
    }

    private CallStatus snapshot() {
        if (call == null) {
            return CallStatus.IDLE;
        }
        return new CallStatus(
                call.state,
                call.id,
                Optional.of(call.direction),
                call.peer,
                call.device,
                call.secondsLeft(p.clock().instant()),
                call.emergency);
    }
}
