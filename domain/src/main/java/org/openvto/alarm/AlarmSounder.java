package org.openvto.alarm;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeOutputs;

/**
 * Sounds the alarm at the door (Quick Start Guide 3.2: "The alarm will keep ringing for 15 seconds"): a raised
 * alarm whose type {@linkplain AlarmType#sounds sounds} plays {@code alarm} on the speaker for the Access Control
 * alarm-sound time, then {@code silence}; another alarm meanwhile starts the time again. The duress alarm never
 * sounds. Subscribes on the bus; timers on the injected scheduler. Thread-safe.
 */
public final class AlarmSounder implements AutoCloseable {
    public static final FacadeOutputs.Sound ALARM = new FacadeOutputs.Sound("alarm");
    public static final FacadeOutputs.Sound SILENCE = new FacadeOutputs.Sound("silence");

    private final FacadeOutputs outputs;
    private final ScheduledExecutorService scheduler;
    private final Supplier<Duration> length;
    private final EventBus.Subscription subscription;
    private ScheduledFuture<?> stop;

    public AlarmSounder(
            EventBus bus, FacadeOutputs outputs, ScheduledExecutorService scheduler, Supplier<Duration> length) {
        this.outputs = outputs;
        this.scheduler = scheduler;
        this.length = length;
        this.subscription = bus.subscribe(AlarmChanged.class, "alarm/", e -> {
            if (e.alarm().state() == AlarmState.RAISED && e.alarm().type().sounds()) {
                sound();
            }
        });
    }

    private synchronized void sound() {
        if (stop != null) {
            stop.cancel(false);
        }
        outputs.play(ALARM);
        stop = scheduler.schedule(this::silence, length.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void silence() {
        outputs.play(SILENCE);
        stop = null;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
