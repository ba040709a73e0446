package org.openvto.hardware.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openvto.facade.io.ModuleStatus;

/**
 * Keeps one device connection: connects, and when that fails or the device is lost later, reports the module
 * offline with the error's text and tries again after the retry delay on the scheduler, until closed. Reports a
 * status only when it changes. Thread-safe (the reader thread reports losses, the scheduler retries).
 */
final class Reconnector<T extends AutoCloseable> {
    interface Connect<T> {
        T connect() throws IOException;
    }

    private final Connect<T> connect;
    private final Consumer<T> onConnected;
    private final Consumer<ModuleStatus> status;
    private final ScheduledExecutorService scheduler;
    private final Duration retry;
    private T current;
    private ModuleStatus reported;
    private ScheduledFuture<?> pending;
    private boolean closed;

    Reconnector(
            Connect<T> connect,
            Consumer<T> onConnected,
            Consumer<ModuleStatus> status,
            ScheduledExecutorService scheduler,
            Duration retry) {
        this.connect = connect;
        this.onConnected = onConnected;
        this.status = status;
        this.scheduler = scheduler;
        this.retry = retry;
    }

    void start() {
        attempt();
    }

    private void attempt() {
        T connection;
        synchronized (this) {
            pending = null;
            if (closed || current != null) {
                return;
            }
            try {
                connection = connect.connect();
            } catch (IOException | RuntimeException e) {
                failed(e);
                return;
            }
            current = connection;
            report(ModuleStatus.ONLINE);
        }
        // outside the lock: the callback may start a reader that calls back into lost()
        onConnected.accept(connection);
    }

    /** The connection {@code which} failed: drop it, report offline, retry later (ignored if already replaced). */
    synchronized void lost(T which, Exception cause) {
        if (which != current) {
            return;
        }
        closeQuietly(current);
        current = null;
        failed(cause);
    }

    private void failed(Exception cause) {
        report(ModuleStatus.offline(String.valueOf(cause.getMessage())));
        if (!closed && pending == null) {
            pending = scheduler.schedule(this::attempt, retry.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void report(ModuleStatus next) {
        if (!next.equals(reported)) {
            reported = next;
            status.accept(next);
        }
    }

    synchronized T current() {
        return current;
    }

    synchronized ModuleStatus status() {
        return reported == null ? ModuleStatus.offline("not started") : reported;
    }

    synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel(false);
        }
        if (current != null) {
            closeQuietly(current);
            current = null;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // a device that is gone cannot fail to close in a way that matters
        }
    }
}
