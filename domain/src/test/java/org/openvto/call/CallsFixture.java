package org.openvto.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.openvto.access.Credential;
import org.openvto.access.InMemoryStores;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeEvent;
import org.openvto.facade.io.KeypadKey;
import org.openvto.facade.io.RecordingOutputs;
import org.openvto.records.CallRecord;
import org.openvto.records.CallSnapshots;
import org.openvto.testkit.ManualClock;
import org.openvto.testkit.ManualScheduler;

/**
 * The calls feature over a manual clock and scheduler (the calls thread), a recording SIP side, recording outputs,
 * in-memory records and snapshots; rooms 101 and 102, VTO 8002. Blocking work runs at once unless {@code io} is
 * {@link #queuedIo}.
 */
final class CallsFixture {
    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    final ManualClock clock = new ManualClock(T0);
    final ManualScheduler scheduler = new ManualScheduler();
    final EventBus bus = new EventBus();
    final List<CallEvent> events = new ArrayList<>();
    final RecordingSignalling sip = new RecordingSignalling();
    final RecordingOutputs outputs = new RecordingOutputs();
    final List<Credential.Dtmf> unlocks = new ArrayList<>();
    final InMemoryStores.Records<CallRecord> records = new InMemoryStores.Records<>(CallRecord::at, CallRecord::withId);
    final MemorySnapshots snapshots = new MemorySnapshots();
    /** Blocking work waiting to run, when {@link #queuedIo}. */
    final List<Runnable> io = new ArrayList<>();

    CallSettings settings = CallSettings.DEFAULTS;
    final Calls calls;

    CallsFixture() {
        this(false);
    }

    /** @param queuedIo blocking work waits in {@link #io} until {@link #runIo} */
    CallsFixture(boolean queuedIo) {
        bus.subscribe(CallEvent.class, events::add);
        Executor ioExecutor = queuedIo ? io::add : Runnable::run;
        calls = new Calls(
                bus,
                sip,
                outputs,
                outputs::display,
                () -> settings,
                CallTargets.of(() -> Set.of("101", "102"), () -> Set.of("8002")),
                unlocks::add,
                records,
                snapshots,
                () -> Optional.of(JPEG),
                clock,
                scheduler,
                ioExecutor);
    }

    /** Moves the clock and the scheduler together in 10 ms steps, so each timer sees the time it fell due at. */
    void advance(Duration d) {
        Duration step = Duration.ofMillis(10);
        for (Duration left = d; !left.isZero(); ) {
            Duration now = left.compareTo(step) < 0 ? left : step;
            clock.advance(now);
            scheduler.advance(now);
            left = left.minus(now);
        }
    }

    void runIo() {
        while (!io.isEmpty()) {
            io.remove(0).run();
        }
    }

    void press(String room) {
        bus.publish(new FacadeEvent.CallKeyPressed(2, 0, room, clock.instant()));
    }

    /** Types {@code symbols} on the keyboard module: digits, {@code #}, {@code *}, {@code C}all, {@code M} centre. */
    void type(String symbols) {
        for (char c : symbols.toCharArray()) {
            bus.publish(new FacadeEvent.KeypadPressed(KeypadKey.of(c).orElseThrow(), clock.instant()));
        }
    }

    void signal(CallSignal s) {
        calls.signal(s);
    }

    /** The id of the last call dialled. */
    String dialled() {
        return sip.dials.getLast().callId();
    }

    List<CallEvent.Kind> kinds(String callId) {
        return events.stream()
                .filter(e -> e.callId().equals(callId))
                .map(CallEvent::kind)
                .toList();
    }

    CallRecord onlyRecord() {
        if (records.rows.size() != 1) {
            throw new AssertionError("expected one call record, not " + records.rows);
        }
        return records.rows.getFirst();
    }

    /** What the VTO asked of SIP, in order. */
    static final class RecordingSignalling implements CallSignalling {
        record Dial(String callId, String number) {}

        record Refusal(String callId, int status, String warning) {}

        final List<Dial> dials = new ArrayList<>();
        final List<String> hangUps = new ArrayList<>();
        final List<String> answers = new ArrayList<>();
        final List<Refusal> refusals = new ArrayList<>();

        @Override
        public void dial(String callId, String number) {
            dials.add(new Dial(callId, number));
        }

        @Override
        public void hangUp(String callId) {
            hangUps.add(callId);
        }

        @Override
        public void answer(String callId) {
            answers.add(callId);
        }

        @Override
        public void refuse(String callId, int status, String warning) {
            refusals.add(new Refusal(callId, status, warning));
        }
    }

    static final class MemorySnapshots implements CallSnapshots {
        final Map<Long, byte[]> jpegs = new HashMap<>();

        @Override
        public void put(long recordId, byte[] jpeg) {
            jpegs.put(recordId, jpeg.clone());
        }

        @Override
        public Optional<byte[]> get(long recordId) {
            return Optional.ofNullable(jpegs.get(recordId)).map(byte[]::clone);
        }
    }
}
