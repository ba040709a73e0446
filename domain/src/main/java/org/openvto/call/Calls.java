package org.openvto.call;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openvto.access.Credential;
import org.openvto.call.internal.CallMachine;
import org.openvto.call.internal.Input;
import org.openvto.call.internal.Ports;
import org.openvto.call.internal.SerialExecutor;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeEvent;
import org.openvto.facade.io.FacadeOutputs;
import org.openvto.records.CallRecord;
import org.openvto.records.CallSnapshots;
import org.openvto.records.RecordStore;

/**
 * The door station's own calls (Quick Start Guide 1.2 video call, group call, emergency call, being monitored; 2.5
 * the keyboard; 4.3.1 calling a VTH; 4.3.2 monitor from a VTH): a visitor's call key or typed number calls a room,
 * a VTO or the centre through {@link CallSignalling}; SIP reports back through {@link #signal}; the indicators,
 * display and sounds follow the call's {@link CallState}; DTMF from the answering device opens the door through
 * access control; every call ends in one {@link CallRecord}, stored before its end is announced as a {@link
 * CallEvent}.
 *
 * <p>Threading: the façade's events and {@link #signal} only queue an input (at most 4,096 wait; more are dropped
 * and counted); one input at a time is handled on {@code scheduler} (the calls thread, which also runs the
 * timers), so the state machine is single-threaded and never blocks: records, unlocks, snapshots and events run on
 * {@code io}, in order per call. Thread-safe; no method blocks or throws.
 *
 * <p>Lifecycle: subscribes to the bus when constructed; {@link #close} stops taking inputs, hangs up the active call
 * and records it (on {@code io}). The executors belong to the caller: close this first, then shut {@code scheduler}
 * and {@code io} down, letting queued tasks finish, so the last record is written.
 */
public final class Calls implements AutoCloseable {
    private static final int QUEUE = 4_096;

    private final SerialExecutor inputs;
    private final CallMachine machine;
    private final List<EventBus.Subscription> subscriptions;

    /** What the feature counted: inputs it ignored or refused, work it could not do. */
    public record Counters(
            long dtmfIgnored, long signalsIgnored, long dialsRefused, long inputsDropped, long recordsFailed) {}

    /**
     * @param signalling the VTO's user agent (the app's SIP side)
     * @param outputs    the indicators (CALL, TALK) and the speaker
     * @param display    shows lines for a while, then the user directory comes back ({@code FacadeFeedback::message})
     * @param settings   read when a call starts
     * @param targets    the rooms and VTOs a visitor may call
     * @param unlock     access control's unlock with a call's DTMF ({@code access::unlock}); may block
     * @param records    the call records; {@code append} may block
     * @param snapshots  where the JPEG taken when a call rang is kept with its record
     * @param camera     the JPEG of the visitor now, empty without a camera; may block
     * @param scheduler  the calls thread: single-threaded, timers too (tests: a manual scheduler)
     * @param io         for the blocking work, e.g. a virtual thread per task; order per call is kept here
     */
    public Calls(
            EventBus bus,
            CallSignalling signalling,
            FacadeOutputs outputs,
            Consumer<List<String>> display,
            Supplier<CallSettings> settings,
            CallTargets targets,
            Consumer<Credential.Dtmf> unlock,
            RecordStore<CallRecord> records,
            CallSnapshots snapshots,
            Supplier<Optional<byte[]>> camera,
            Clock clock,
            ScheduledExecutorService scheduler,
            Executor io) {
        this.inputs = new SerialExecutor(scheduler, QUEUE);
        Ports.Timers timers = new Ports.Timers() {
            @Override
            public ScheduledFuture<?> after(Duration delay, Input input) {
                return scheduler.schedule(() -> enqueue(input), delay.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public ScheduledFuture<?> every(Duration period, Input input) {
                long ms = period.toMillis();
                return scheduler.scheduleAtFixedRate(() -> enqueue(input), ms, ms, TimeUnit.MILLISECONDS);
            }
        };
        this.machine = new CallMachine(new Ports(
                signalling,
                outputs,
                display,
                settings,
                targets,
                unlock,
                records,
                snapshots,
                camera,
                bus,
                clock,
                io,
                timers,
                () -> UUID.randomUUID().toString()));
        this.subscriptions = List.of(
                bus.subscribe(FacadeEvent.CallKeyPressed.class, e -> enqueue(new Input.CallKey(e.room(), e.at()))),
                bus.subscribe(FacadeEvent.KeypadPressed.class, e -> enqueue(new Input.Keypad(e.key(), e.at()))));
    }

    /** What SIP reports; only queues it (called on the SIP thread). */
    public void signal(CallSignal signal) {
        enqueue(new Input.Signal(signal));
    }

    /** The line now: the active call's state, peer, device and seconds left, or {@link CallStatus#IDLE}. */
    public CallStatus current() {
        return machine.status();
    }

    public Counters counters() {
        return new Counters(
                machine.dtmfIgnored(),
                machine.signalsIgnored(),
                machine.dialsRefused(),
                inputs.dropped(),
                machine.recordsFailed());
    }

    private void enqueue(Input input) {
        inputs.execute(() -> machine.on(input));
    }

    /** Stops taking façade inputs, hangs up and records the active call; later signals refuse or are ignored. */
    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        enqueue(new Input.Stop());
    }
}
