package org.openvto.centre;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox's messages to the centre's destinations: per destination one at a time and in order (a
 * message is sent only when every older one to that destination is delivered), each retried with exponential
 * back-off (1 s doubling to {@code maxBackOff}) until it is delivered — never dropped. Because the messages are in
 * the {@link OutboxStore} before {@link #wake} is called, a restart (or {@code kill -9}) loses nothing: {@link
 * #start} resumes every destination with pending messages. A message whose answer was lost may be sent twice;
 * its idempotency key lets the centre see it is the same one.
 *
 * <p>Threading: each destination's pump runs on {@code worker} (a virtual thread per run: a delivery blocks up to
 * the destination's timeout) and waits for retries on {@code scheduler}; at most one pump per destination runs at
 * a time. {@code onDelivered} is called with a message's key once no destination has it undelivered.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);

    private final OutboxStore store;
    private final Map<String, CentreDestination> destinations = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Executor worker;
    private final Clock clock;
    private final Duration maxBackOff;
    private final Consumer<String> onDelivered;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private volatile boolean closed;

    public Outbox(
            OutboxStore store,
            List<CentreDestination> destinations,
            ScheduledExecutorService scheduler,
            Executor worker,
            Clock clock,
            Duration maxBackOff,
            Consumer<String> onDelivered) {
        this.store = store;
        destinations.forEach(d -> this.destinations.put(d.id(), d));
        this.scheduler = scheduler;
        this.worker = worker;
        this.clock = clock;
        this.maxBackOff = maxBackOff;
        this.onDelivered = onDelivered;
    }

    /** The messages to store for {@code topic}: one per destination that takes it (none when none does). */
    public List<OutboxMessage> messagesFor(String topic, String key, String body) {
        Instant now = clock.instant();
        List<OutboxMessage> out = new ArrayList<>();
        destinations.values().stream()
                .filter(d -> d.accepts(topic))
                .map(CentreDestination::id)
                .sorted()
                .forEach(id -> out.add(OutboxMessage.create(id, key, topic, body, now)));
        return out;
    }

    /** Stores messages for {@code topic} and starts their delivery (for messages with no record of their own). */
    public void send(String topic, String key, String body) {
        List<OutboxMessage> messages = messagesFor(topic, key, body);
        if (!messages.isEmpty()) {
            store.enqueue(messages);
            wake();
        }
    }

    /** Resumes delivery of whatever is pending (after a start). */
    public void start() {
        store.destinationsPending().forEach(this::pump);
    }

    /** New messages are in the store: deliver them. */
    public void wake() {
        destinations.keySet().forEach(this::pump);
    }

    public long pending() {
        return store.pending("");
    }

    /** Failed delivery attempts since start. */
    public long failures() {
        return failures.get();
    }

    public long deliveries() {
        return deliveries.get();
    }

    public List<String> destinationIds() {
        return destinations.keySet().stream().sorted().toList();
    }

    private void pump(String destination) {
        CentreDestination d = destinations.get(destination);
        if (d == null || closed) {
            return; // a destination removed from the configuration keeps its messages for when it comes back
        }
        AtomicBoolean flag = running.computeIfAbsent(destination, k -> new AtomicBoolean());
        if (flag.compareAndSet(false, true)) {
            worker.execute(() -> drain(d, flag));
        }
    }

    /** Sends until the destination's queue is empty or a message must wait; then lets the next pump run. */
    private void drain(CentreDestination d, AtomicBoolean flag) {
        Optional<Duration> wait = Optional.empty();
        try {
            wait = deliverAll(d);
        } catch (RuntimeException e) {
            LOG.warn("Outbox {}: delivery stopped by an error; retrying", d.id(), e);
            wait = Optional.of(maxBackOff);
        } finally {
            flag.set(false);
        }
        if (closed) {
            return;
        }
        if (wait.isPresent()) {
            scheduler.schedule(() -> pump(d.id()), Math.max(1, wait.get().toMillis()), TimeUnit.MILLISECONDS);
        } else if (store.head(d.id()).isPresent()) {
            pump(d.id()); // a message came in after the last head was read
        }
    }

    private Optional<Duration> deliverAll(CentreDestination d) {
        while (!closed) {
            Optional<OutboxMessage> head = store.head(d.id());
            if (head.isEmpty()) {
                return Optional.empty();
            }
            OutboxMessage m = head.get();
            Instant now = clock.instant();
            if (m.nextAttempt().isAfter(now)) {
                return Optional.of(Duration.between(now, m.nextAttempt()));
            }
            switch (d.deliver(m)) {
                case CentreDestination.Delivery.Delivered ok -> {
                    store.delivered(m.id(), clock.instant());
                    deliveries.incrementAndGet();
                    if (!store.undelivered(m.key())) {
                        onDelivered.accept(m.key());
                    }
                }
                case CentreDestination.Delivery.Failed f -> {
                    failures.incrementAndGet();
                    int attempts = m.attempts() + 1;
                    Duration backOff = backOff(attempts);
                    store.failed(m.id(), attempts, clock.instant().plus(backOff), f.reason());
                    if (attempts == 1 || attempts % 10 == 0) {
                        LOG.warn(
                                "Centre {}: {} not delivered ({}), attempt {}, next in {} s",
                                d.id(),
                                m.key(),
                                f.reason(),
                                attempts,
                                backOff.toSeconds());
                    }
                    return Optional.of(backOff);
                }
            }
        }
        return Optional.empty();
    }

    /** 1 s, 2 s, 4 s … up to {@code maxBackOff}. */
    Duration backOff(int attempts) {
        long shift = Math.min(30, attempts - 1);
        Duration d = FIRST_BACK_OFF.multipliedBy(1L << shift);
        return d.compareTo(maxBackOff) > 0 ? maxBackOff : d;
    }

    @Override
    public void close() {
        closed = true;
    }
}
