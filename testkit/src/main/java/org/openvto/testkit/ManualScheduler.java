package org.openvto.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} whose time moves only when a test calls {@link #advance}: due tasks then
 * run in the caller's thread, in time order (periodic ones as often as they fall due). {@link #execute} runs at
 * once. Lets code that schedules (a watchdog, a retry) be tested without sleeping. Not thread-safe: drive it from
 * the test thread only. {@link ScheduledFuture#get} is not supported (nothing ever blocks here).
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long nowNanos;
    private long seq;
    private boolean shutdown;

    /** Moves time forward by {@code duration}, running every task that falls due on the way. */
    public void advance(Duration duration) {
        long until = nowNanos + duration.toNanos();
        while (!queue.isEmpty() && queue.peek().at <= until) {
            Task task = queue.poll();
            nowNanos = task.at;
            task.runAndReschedule();
        }
        nowNanos = until;
    }

    /** Tasks waiting to run (periodic ones count once). */
    public int pending() {
        return queue.size();
    }

    private final class Task implements ScheduledFuture<Object> {
        private final Runnable body;
        /** 0: once; positive: fixed rate; negative: fixed delay (as in ScheduledThreadPoolExecutor). */
        private final long period;

        private final long order = seq++;
        private long at;
        private boolean cancelled;
        private boolean done;

        Task(Runnable body, long at, long period) {
            this.body = body;
            this.at = at;
            this.period = period;
        }

        void runAndReschedule() {
            if (cancelled || shutdown) {
                return;
            }
            body.run();
            if (period == 0) {
                done = true;
            } else {
                at = period > 0 ? at + period : nowNanos - period;
                queue.add(this);
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - nowNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task o = (Task) other;
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            queue.remove(this);
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("a manual scheduler never blocks");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("a manual scheduler never blocks");
        }
    }

    private Task add(Runnable body, long delay, long period, TimeUnit unit) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        Task task = new Task(body, nowNanos + unit.toNanos(Math.max(0, delay)), unit.toNanos(period));
        queue.add(task);
        return task;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(command, delay, 0, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("schedule a Runnable");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(command, initialDelay, requirePositive(period), unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(command, initialDelay, -requirePositive(delay), unit);
    }

    private static long requirePositive(long period) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        return period;
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> waiting = new ArrayList<>();
        for (Task t : queue) {
            waiting.add(t.body);
        }
        queue.clear();
        return waiting;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
