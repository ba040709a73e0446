package org.openvto.app.supervision;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.openvto.event.EventBus;
import org.openvto.household.ConfigChanged;
import org.openvto.household.RebootRequested;
import org.openvto.household.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link Supervised} service running in-process: starts it, restarts it — not the process — on a
 * {@link ConfigChanged} whose {@code restart()} names its {@link Service} (if its {@link
 * Supervised#settingsChanged settings changed}) and on every {@link RebootRequested}, and, once {@link #watch}
 * is called, restarts it when the watchdog finds it not {@link Supervised#alive alive}. A start that fails or is
 * switched off never throws: it is logged and reported by {@link #status} as "not running" with the reason.
 *
 * <p>Threading: thread-safe. Starts, stops and restarts are serialised on this supervisor's monitor (so a
 * restart never overlaps another or a close). Event-triggered restarts run on the {@code restarts} executor,
 * never in the publisher's thread: a restart waits for the old server's graceful stop, and the publisher may be
 * one of that server's own requests. {@link #close} stops everything it started, in reverse, exactly once;
 * nothing restarts after it.
 */
public final class Supervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

    /**
     * Whether the service runs and, if not, why; {@code failure} is the exception of a failed start, if that was
     * the reason.
     */
    public record Status(boolean running, String reason, Optional<Exception> failure) {
        static Status up() {
            return new Status(true, "", Optional.empty());
        }

        static Status notRunning(String reason) {
            return new Status(false, reason, Optional.empty());
        }
    }

    private final Supervised service;
    private final Executor restarts;
    /** What this supervisor opened (subscriptions, the watchdog), closed in reverse. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    private final AtomicInteger watchdogRestarts = new AtomicInteger();
    private volatile Status status;
    private boolean closed;

    /**
     * Subscribes to {@code bus} at once (before {@link #start}). {@code restarts} runs the event-triggered
     * restarts, e.g. {@link #virtualThreads}.
     */
    public Supervisor(Supervised service, Service restartOn, EventBus bus, Executor restarts) {
        this.service = Objects.requireNonNull(service);
        this.restarts = Objects.requireNonNull(restarts);
        Objects.requireNonNull(restartOn);
        this.status = Status.notRunning("the " + service.name() + " is not running");
        opened.push(bus.subscribe(ConfigChanged.class, "config", e -> {
            if (e.restart().contains(restartOn)) {
                restarts.execute(() -> restartIfChanged("to apply the " + e.area() + " settings"));
            }
        }));
        opened.push(bus.subscribe(RebootRequested.class, e -> restarts.execute(() -> restart("(reboot)"))));
    }

    /** Runs each restart on a new virtual thread named {@code name}. */
    public static Executor virtualThreads(String name) {
        return task -> Thread.ofVirtual().name(name).start(task);
    }

    /**
     * Every {@code period} on {@code scheduler} (owned by the caller, who shuts it down after {@link #close}):
     * a running service that is not {@link Supervised#alive alive} is restarted and counted in {@link
     * #watchdogRestarts}.
     */
    public synchronized void watch(ScheduledExecutorService scheduler, Duration period) {
        long millis = period.toMillis();
        var check = scheduler.scheduleWithFixedDelay(this::checkAlive, millis, millis, TimeUnit.MILLISECONDS);
        opened.push(() -> check.cancel(false));
    }

    /** Starts the service (if not closed) and returns how that went. */
    public synchronized Status start() {
        if (closed) {
            return status;
        }
        Optional<String> off = service.whyOff();
        if (off.isPresent()) {
            LOG.info("{} off: {}", service.name(), off.get());
            status = Status.notRunning(off.get());
            return status;
        }
        try {
            service.start();
            status = Status.up();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the reason it had stays
            status = new Status(false, status.reason(), Optional.of(e));
        } catch (Exception e) {
            LOG.error("{} could not start: {}", service.name(), e.getMessage());
            status = new Status(false, service.failureReason(e), Optional.of(e));
        }
        return status;
    }

    /** Stops and starts the service again (unless closed), logging {@code why}. */
    public synchronized void restart(String why) {
        if (closed) {
            return;
        }
        LOG.info("Restarting the {} {}", service.name(), why);
        stop();
        start();
    }

    private synchronized void restartIfChanged(String why) {
        if (!closed && service.settingsChanged()) {
            restart(why);
        }
    }

    private synchronized void checkAlive() {
        if (closed || !status.running() || service.alive()) {
            return;
        }
        LOG.error("{} did not respond: restarting it", service.name());
        watchdogRestarts.incrementAndGet();
        restart("(watchdog)");
    }

    /**
     * A service that was off or had failed keeps its reason while it restarts (the console keeps saying why
     * while a settings change is applied); a running one is now simply not running.
     */
    private void stop() {
        if (status.running()) {
            status = Status.notRunning("the " + service.name() + " is not running");
        }
        service.stop();
    }

    /** Whether the service runs and, if not, why. */
    public Status status() {
        return status;
    }

    /** How often the watchdog restarted a dead or stuck service since this supervisor was made. */
    public int watchdogRestarts() {
        return watchdogRestarts.get();
    }

    /** Runs {@code read} while no start, stop or restart is under way (for a consistent view of the service). */
    public synchronized <T> T whileSteady(Supplier<T> read) {
        return read.get();
    }

    /** Unsubscribes, stops the watchdog and stops the service, once; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                LOG.warn("closing the {}'s supervision: {}", service.name(), e.toString());
            }
        }
        stop();
    }
}
