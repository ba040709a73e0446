package org.openvto.facade;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeEvent;
import org.openvto.facade.io.FacadeOutputs;
import org.openvto.facade.io.KeypadKey;

/**
 * What a visitor sees and hears at the façade when pressing keys: a call key lights the call indicator, shows
 * "Calling 101" and plays the ringback tone (an unassigned key says so and plays the error tone); the keyboard's
 * selection buttons scroll the user directory on the display. After {@code feedback} without a key the
 * display returns to the directory and the call indicator goes out. Once the VTO's own calls ({@code
 * org.openvto.call.Calls}) run, they answer the call keys and drive the call and talk indicators by the call's
 * state: construct this with {@code callKeys} false, and hand {@link #message} to the calls as their display.
 *
 * <p>Subscribes on the bus; the work per event is a few output writes. Thread-safe (one lock); timers run on the
 * injected scheduler.
 */
public final class FacadeFeedback implements AutoCloseable {
    private final FacadeOutputs outputs;
    private final ScheduledExecutorService scheduler;
    private final Duration feedback;
    private final Supplier<List<UserDirectory.Entry>> residents;
    private final UserDirectory directory = new UserDirectory();
    private final List<EventBus.Subscription> subscriptions;
    private final boolean callKeys;
    private ScheduledFuture<?> reset;
    /** Which reset is due: a reset that fires after a newer key press was scheduled finds a newer value and does nothing. */
    private long generation;

    /**
     * Answers the call keys itself (before the VTO's own calls run).
     *
     * @param residents the rooms and names of Room No. Management, read again by {@link #refresh} when they
     *                  change
     */
    public FacadeFeedback(
            EventBus bus,
            FacadeOutputs outputs,
            ScheduledExecutorService scheduler,
            Duration feedback,
            Supplier<List<Resident>> residents) {
        this(bus, outputs, scheduler, feedback, residents, true);
    }

    /**
     * @param callKeys answer the call keys (light the call indicator, "Calling 101", ringback) and put the call
     *                 indicator out with the directory; false when {@code org.openvto.call.Calls} does both by the
     *                 call's state
     */
    public FacadeFeedback(
            EventBus bus,
            FacadeOutputs outputs,
            ScheduledExecutorService scheduler,
            Duration feedback,
            Supplier<List<Resident>> residents,
            boolean callKeys) {
        this.callKeys = callKeys;
        this.outputs = outputs;
        this.scheduler = scheduler;
        this.feedback = feedback;
        this.residents = () -> residents.get().stream()
                .map(r -> new UserDirectory.Entry(r.room(), r.name()))
                .toList();
        this.subscriptions = List.of(
                bus.subscribe(FacadeEvent.CallKeyPressed.class, this::onCallKey),
                bus.subscribe(FacadeEvent.KeypadPressed.class, this::onKeypad));
        refresh();
    }

    /** A room of the user directory and the name shown for it. */
    public record Resident(String room, String name) {}

    /** Reads the residents again (after Room No. Management changed) and shows the directory. */
    public synchronized void refresh() {
        directory.replace(residents.get());
        outputs.display(directory.lines());
    }

    private synchronized void onCallKey(FacadeEvent.CallKeyPressed e) {
        if (!callKeys) {
            return; // the calls feature answers them
        }
        if (e.room().isEmpty()) {
            outputs.display(List.of("This key has no room", "Use the keyboard or ask the centre"));
            outputs.play(new FacadeOutputs.Sound("error"));
        } else {
            outputs.indicator(FacadeOutputs.Indicator.CALL, true);
            outputs.display(List.of(
                    "Calling " + (e.room().equals(FacadeRules.CENTRE_CALL_NO) ? "the centre" : "room " + e.room()),
                    "Please wait"));
            outputs.play(new FacadeOutputs.Sound("ringback"));
        }
        resetLater();
    }

    private synchronized void onKeypad(FacadeEvent.KeypadPressed e) {
        if (e.key() == KeypadKey.NEXT || e.key() == KeypadKey.PREVIOUS) {
            if (e.key() == KeypadKey.NEXT) {
                directory.next();
            } else {
                directory.previous();
            }
            outputs.display(directory.lines());
            resetLater();
        }
    }

    /** Shows {@code lines} (an unlock, a refusal, the keypad's entry), then the user directory again. */
    public synchronized void message(List<String> lines) {
        outputs.display(lines);
        resetLater();
    }

    private void resetLater() {
        if (reset != null) {
            reset.cancel(false);
        }
        long due = ++generation;
        reset = scheduler.schedule(() -> resetNow(due), feedback.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void resetNow(long due) {
        if (due != generation) {
            return; // a newer press rescheduled the reset while this one was already running
        }
        if (callKeys) {
            outputs.indicator(FacadeOutputs.Indicator.CALL, false);
        }
        outputs.display(directory.lines());
        reset = null;
    }

    @Override
    public synchronized void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        if (reset != null) {
            reset.cancel(false);
        }
    }
}
