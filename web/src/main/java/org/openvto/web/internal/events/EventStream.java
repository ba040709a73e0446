package org.openvto.web.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.openvto.event.Event;
import org.openvto.event.EventBus;
import org.openvto.web.internal.Json;

/**
 * {@code GET /api/v1/events?topics=facade/,door/}: the bus as Server-Sent Events, for the virtual façade page,
 * tests and integrations. Each event is sent as {@code event: <topic>} with its fields as JSON data. Authenticated
 * like the rest of the API (session or Digest, administrator). Topics are prefixes ({@code facade/} by default);
 * a client gets its own bounded queue (256 events) per prefix on its own virtual thread, so a slow client never
 * slows the publisher: when a queue is full new events are dropped and counted, and the client is told with a
 * comment. A keep-alive comment every 15 s finds clients that went away. Every stream is closed when the web
 * server stops, so a restart does not wait for them.
 */
public final class EventStream {
    static final int QUEUE = 256;
    static final int MAX_TOPICS = 8;
    /** How often {@link #heartbeat} should run. */
    public static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(15);

    private final EventBus bus;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();

    public EventStream(EventBus bus) {
        this.bus = bus;
    }

    public void register(RoutesConfig routes) {
        routes.sse("/api/v1/events", this::open);
    }

    private void open(SseClient client) {
        List<String> topics = topics(client.ctx().queryParam("topics"));
        if (topics.isEmpty()) {
            client.sendEvent("error", "topics must be up to 8 comma-separated prefixes such as facade/,door/");
            client.close();
            return;
        }
        List<EventBus.AsyncSubscription> subscriptions = new java.util.concurrent.CopyOnWriteArrayList<>();
        // registered first, so a client that goes away while it is being subscribed still releases everything
        client.onClose(() -> {
            subscriptions.forEach(EventBus.AsyncSubscription::close);
            clients.remove(client);
        });
        clients.add(client);
        client.keepAlive();
        AtomicLong told = new AtomicLong();
        for (String topic : topics) {
            // one queue per prefix, filled by the bus's own topic matching: unrelated traffic never takes a place
            subscriptions.add(bus.subscribeAsync(Event.class, topic, QUEUE, e -> send(client, e, subscriptions, told)));
        }
        if (client.terminated()) {
            subscriptions.forEach(EventBus.AsyncSubscription::close);
            clients.remove(client);
            return;
        }
        client.sendComment("subscribed to " + String.join(",", topics));
    }

    private static void send(
            SseClient client, Event e, List<EventBus.AsyncSubscription> subscriptions, AtomicLong told) {
        if (client.terminated()) {
            return;
        }
        long dropped = subscriptions.stream()
                .mapToLong(EventBus.AsyncSubscription::dropped)
                .sum();
        if (dropped > told.get()) {
            told.set(dropped);
            client.sendComment("this client fell behind: " + dropped + " events dropped so far");
        }
        client.sendEvent(e.topic(), json(e));
    }

    /**
     * A comment to every open stream, so a client that went away is noticed (and its subscriptions released) even
     * when its topics are quiet; the composition calls it every {@link #HEARTBEAT}.
     */
    public void heartbeat() {
        for (SseClient c : new ArrayList<>(clients)) {
            if (c.terminated()) {
                c.close();
            } else {
                c.sendComment("keep-alive");
            }
        }
    }

    /** Ends every open stream (the web server is stopping). */
    public void closeAll() {
        for (SseClient c : new ArrayList<>(clients)) {
            c.close();
        }
    }

    static List<String> topics(String raw) {
        String value = raw == null || raw.isBlank() ? "facade/" : raw;
        List<String> topics = new ArrayList<>();
        for (String t : value.split(",")) {
            String topic = t.strip();
            if (!topic.matches("[a-z0-9][a-z0-9/#-]{0,63}") || topics.size() == MAX_TOPICS) {
                return List.of();
            }
            topics.add(topic);
        }
        return topics;
    }

    private static String json(Event e) {
        try {
            ObjectNode n = Json.MAPPER.valueToTree(e);
            n.put("topic", e.topic());
            return Json.MAPPER.writeValueAsString(n);
        } catch (IllegalArgumentException | JsonProcessingException ex) {
            return "{\"topic\":\"" + e.topic() + "\"}";
        }
    }
}
