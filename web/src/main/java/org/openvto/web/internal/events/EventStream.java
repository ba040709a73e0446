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
import java.util.concurrent.atomic.AtomicReference;
import org.openvto.event.Event;
import org.openvto.event.EventBus;
import org.openvto.web.internal.Json;

/**
 * {@code GET /api/v1/events?topics=facade/,door/}: the bus as Server-Sent Events, for the virtual façade page,
 * tests and integrations. Each event is sent as {@code event: <topic>} with its fields as JSON data. Authenticated
 * like the rest of the API (session or Digest, administrator). Topics are prefixes ({@code facade/} by default);
 * a client gets its own bounded queue (256 events) on its own virtual thread, so a slow client never slows the
 * publisher: when its queue is full new events are dropped and counted, and the client is told with a comment.
 * Every stream is closed when the web server stops, so a restart does not wait for them.
 */
public final class EventStream {
    static final int QUEUE = 256;
    static final int MAX_TOPICS = 8;
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
        clients.add(client);
        client.keepAlive();
        AtomicReference<EventBus.AsyncSubscription> self = new AtomicReference<>();
        AtomicLong told = new AtomicLong();
        EventBus.AsyncSubscription subscription = bus.subscribeAsync(Event.class, "", QUEUE, e -> {
            if (topics.stream().anyMatch(e.topic()::startsWith) && !client.terminated()) {
                long dropped = self.get() == null ? 0 : self.get().dropped();
                if (dropped > told.get()) {
                    told.set(dropped);
                    client.sendComment("this client fell behind: " + dropped + " events dropped so far");
                }
                client.sendEvent(e.topic(), json(e));
            }
        });
        self.set(subscription);
        client.onClose(() -> {
            subscription.close();
            clients.remove(client);
        });
        client.sendComment("subscribed to " + String.join(",", topics));
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
