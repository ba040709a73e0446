package org.openvto.event;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VTO's internal, typed publish/subscribe bus.
 *
 * <p>Delivery is synchronous, in the publisher's thread, in subscription order. That is deliberate:
 * a subscriber that persists an event (records, the security log) has written it before
 * {@link #publish} returns, so the publisher may report success afterwards ("write before you
 * report success"). Subscribers must therefore be quick and must not block on I/O other than a
 * local database write; slow consumers (UI live updates, integrations) hand off to their own
 * executor. A subscriber that throws is logged and does not stop delivery to the others.
 *
 * <p>Thread-safe: publish and subscribe may be called from any thread.
 */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private record Subscription<T extends Event>(Class<T> type, String topicPrefix, Consumer<? super T> consumer) {
        void offer(Event event) {
            if (type.isInstance(event) && matches(event.topic())) {
                consumer.accept(type.cast(event));
            }
        }

        private boolean matches(String topic) {
            return topicPrefix.isEmpty()
                    || topic.equals(topicPrefix)
                    || topic.startsWith(topicPrefix.endsWith("/") ? topicPrefix : topicPrefix + "/");
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    /** Subscribes to every event of {@code type} (and its subtypes). Returns a handle that unsubscribes. */
    public <T extends Event> AutoCloseable subscribe(Class<T> type, Consumer<? super T> consumer) {
        return subscribe(type, "", consumer);
    }

    /**
     * Subscribes to events of {@code type} whose topic equals {@code topicPrefix} or lies below it
     * ({@code door} matches {@code door/1/opened}; {@code door/1} does not match {@code door/10/opened}).
     */
    public <T extends Event> AutoCloseable subscribe(Class<T> type, String topicPrefix, Consumer<? super T> consumer) {
        var subscription = new Subscription<>(Objects.requireNonNull(type), Objects.requireNonNull(topicPrefix),
                Objects.requireNonNull(consumer));
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    /** Delivers {@code event} to every matching subscriber before returning. */
    public void publish(Event event) {
        Objects.requireNonNull(event, "event");
        for (Subscription<?> subscription : subscriptions) {
            try {
                subscription.offer(event);
            } catch (RuntimeException e) {
                LOG.error("Subscriber failed on {}", event.topic(), e);
            }
        }
    }
}
