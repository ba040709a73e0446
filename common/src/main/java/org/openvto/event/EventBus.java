package org.openvto.event;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VTO's internal, typed publish/subscribe bus.
 *
 * <p>Two kinds of subscriber:
 * <ul>
 *   <li>{@link #subscribe} — <b>synchronous</b>: delivered in the publisher's thread, in subscription order,
 *       before {@link #publish} returns. A subscriber that persists an event (the security log) has written it
 *       before the publisher reports success ("write before you report success"). It must be quick: it
 *       delays the publisher.</li>
 *   <li>{@link #subscribeAsync} — <b>asynchronous, bounded</b>: {@code publish} only puts the event in the
 *       subscriber's own queue (of the capacity it asked for) and returns; the subscriber's virtual thread
 *       delivers the events one at a time, in publishing order. A slow or stuck subscriber (a database writer,
 *       a web client) therefore never blocks the publisher — the SIP thread, a door driver. When its queue is
 *       full the new event is <em>dropped for that subscriber</em> (the others still get it), counted in
 *       {@link #dropped()} and the subscriber's {@link AsyncSubscription#dropped()}, and logged at most once a
 *       minute per subscriber.</li>
 * </ul>
 * A subscriber that throws is logged and does not stop delivery to the others (or its own later events).
 *
 * <p>Thread-safe: publish and subscribe may be called from any thread.
 */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private record Entry<T extends Event>(
            Class<T> type, String topicPrefix, Consumer<? super T> consumer, Mailbox mailbox) {
        void offer(Event event) {
            if (type.isInstance(event) && matches(event.topic())) {
                if (mailbox == null) {
                    consumer.accept(type.cast(event));
                } else {
                    mailbox.post(event);
                }
            }
        }

        private boolean matches(String topic) {
            return topicPrefix.isEmpty()
                    || topic.equals(topicPrefix)
                    || topic.startsWith(topicPrefix.endsWith("/") ? topicPrefix : topicPrefix + "/");
        }
    }

    /** A subscription's handle: closing it unsubscribes (and never throws). */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * An asynchronous subscription's handle. {@link #close} discards what is still queued; {@link
     * #closeAfterDelivering} lets it be delivered first.
     */
    public interface AsyncSubscription extends Subscription {
        /** Events dropped for this subscriber because its queue was full. */
        long dropped();

        /**
         * Unsubscribes at once, then waits — at most {@code timeout} — until the events queued before are
         * delivered, and closes; what is still queued then is discarded. Returns whether everything was delivered.
         */
        boolean closeAfterDelivering(Duration timeout) throws InterruptedException;
    }

    private final List<Entry<?>> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();

    /** Subscribes to every event of {@code type} (and its subtypes). Returns a handle that unsubscribes. */
    public <T extends Event> Subscription subscribe(Class<T> type, Consumer<? super T> consumer) {
        return subscribe(type, "", consumer);
    }

    /**
     * Subscribes to events of {@code type} whose topic equals {@code topicPrefix} or lies below it
     * ({@code door} matches {@code door/1/opened}; {@code door/1} does not match {@code door/10/opened}).
     */
    public <T extends Event> Subscription subscribe(Class<T> type, String topicPrefix, Consumer<? super T> consumer) {
        var subscription = new Entry<>(
                Objects.requireNonNull(type),
                Objects.requireNonNull(topicPrefix),
                Objects.requireNonNull(consumer),
                null);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    /**
     * Subscribes like {@link #subscribe(Class, String, Consumer)}, but delivers on the subscriber's own virtual
     * thread through a queue of {@code capacity} events (see the class comment: a full queue drops the new event
     * and counts it). Closing the handle stops delivery; events still queued are discarded (unless closed with
     * {@link AsyncSubscription#closeAfterDelivering}).
     */
    public <T extends Event> AsyncSubscription subscribeAsync(
            Class<T> type, String topicPrefix, int capacity, Consumer<? super T> consumer) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        Objects.requireNonNull(consumer);
        Mailbox mailbox = new Mailbox(
                type.getSimpleName() + ":" + topicPrefix, capacity, e -> consumer.accept(type.cast(e)), dropped);
        var subscription =
                new Entry<>(Objects.requireNonNull(type), Objects.requireNonNull(topicPrefix), consumer, mailbox);
        subscriptions.add(subscription);
        return new AsyncSubscription() {
            @Override
            public void close() {
                subscriptions.remove(subscription);
                mailbox.close();
            }

            @Override
            public long dropped() {
                return mailbox.dropped.get();
            }

            @Override
            public boolean closeAfterDelivering(Duration timeout) throws InterruptedException {
                subscriptions.remove(subscription);
                try {
                    return mailbox.deliverQueued(timeout);
                } finally {
                    mailbox.close();
                }
            }
        };
    }

    /** Events dropped because an asynchronous subscriber's queue was full, since this bus was made. */
    public long dropped() {
        return dropped.get();
    }

    /** An asynchronous subscriber's queue and the virtual thread that empties it. */
    private static final class Mailbox {
        private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
        /** Queued behind everything else by {@link #deliverQueued}: the drain stops when it gets here. */
        private static final Event END = () -> "";

        private final String name;
        private final BlockingQueue<Event> queue;
        private final Consumer<Event> consumer;
        private final AtomicLong droppedTotal;
        private final AtomicLong dropped = new AtomicLong();
        private final Thread thread;
        private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
        private volatile boolean closed;

        Mailbox(String name, int capacity, Consumer<Event> consumer, AtomicLong droppedTotal) {
            this.name = name;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.consumer = consumer;
            this.droppedTotal = droppedTotal;
            this.thread = Thread.ofVirtual().name("event-" + name).start(this::drain);
        }

        void post(Event event) {
            if (closed || queue.offer(event)) {
                return;
            }
            droppedTotal.incrementAndGet();
            dropped.incrementAndGet();
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                LOG.warn(
                        "Event subscriber {} is behind: its queue is full, {} dropped (events dropped in all: {})",
                        name,
                        event.topic(),
                        droppedTotal.get());
            }
        }

        private void drain() {
            while (!closed) {
                Event event;
                try {
                    event = queue.take();
                } catch (InterruptedException e) {
                    return; // closed
                }
                if (event == END) {
                    return;
                }
                try {
                    consumer.accept(event);
                } catch (RuntimeException e) {
                    LOG.error("Subscriber {} failed on {}", name, event.topic(), e);
                }
            }
        }

        /** Waits until the drain reaches what is queued now (it must receive no more posts), at most timeout. */
        boolean deliverQueued(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!queue.offer(END, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
            long left = deadline - System.nanoTime();
            return left > 0 && thread.join(Duration.ofNanos(left));
        }

        void close() {
            closed = true;
            thread.interrupt();
            queue.clear();
        }
    }

    /** Delivers {@code event} to every matching subscriber before returning. */
    public void publish(Event event) {
        Objects.requireNonNull(event, "event");
        for (Entry<?> subscription : subscriptions) {
            try {
                subscription.offer(event);
            } catch (RuntimeException e) {
                LOG.error("Subscriber failed on {}", event.topic(), e);
            }
        }
    }
}
