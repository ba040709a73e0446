package org.openvto.call.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs tasks one at a time, in the order given, on another executor: whatever thread that executor lends, no two
 * tasks overlap and each sees what the one before it did. A task given while one runs is queued, never run
 * re-entrantly, so an executor that runs tasks in the caller's thread (a test's manual scheduler) keeps the order
 * too. At most {@code capacity} tasks wait; more are dropped and counted (a flood of SIP signals must not grow the
 * heap). A task that throws is logged and the next one runs. Thread-safe; {@link #execute} never blocks.
 */
public final class SerialExecutor implements Executor {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor target;
    private final int capacity;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();

    public SerialExecutor(Executor target, int capacity) {
        this.target = target;
        this.capacity = capacity;
    }

    /** Queues {@code task}; drops it (counted) when {@code capacity} tasks wait or the target refuses work. */
    @Override
    public void execute(Runnable task) {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        tasks.add(task);
        schedule();
    }

    /** Tasks dropped because the queue was full or the target was shut down. */
    public long dropped() {
        return dropped.get();
    }

    private void schedule() {
        if (running.compareAndSet(false, true)) {
            try {
                target.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running.set(false);
                int lost = 0;
                while (tasks.poll() != null) {
                    waiting.decrementAndGet();
                    lost++;
                }
                dropped.addAndGet(lost);
            }
        }
    }

    private void drain() {
        try {
            for (Runnable task; (task = tasks.poll()) != null; ) {
                waiting.decrementAndGet();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("A calls task failed", e);
                }
            }
        } finally {
            running.set(false);
            if (!tasks.isEmpty()) {
                schedule(); // a task queued after the last poll but before running was cleared
            }
        }
    }
}
