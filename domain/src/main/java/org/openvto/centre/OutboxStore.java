package org.openvto.centre;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The persistent outbox. Every write is durable when it returns. Thread-safe. */
public interface OutboxStore {
    /** Stores messages (in one transaction, in list order). */
    void enqueue(List<OutboxMessage> messages);

    /** The oldest message not yet delivered to {@code destination}: the only one that may be sent now (in order). */
    Optional<OutboxMessage> head(String destination);

    void delivered(long id, Instant at);

    /** Counts a failed attempt: the attempts, when to try again and why it failed. */
    void failed(long id, int attempts, Instant nextAttempt, String error);

    /** Messages not yet delivered, to every destination ({@code ""}) or one. */
    long pending(String destination);

    /** Whether any message with this idempotency key is still undelivered (to any destination). */
    boolean undelivered(String key);

    /** The destinations that have undelivered messages (to resume after a restart). */
    List<String> destinationsPending();

    /** Deletes delivered messages delivered before {@code before}; returns how many. */
    int pruneDelivered(Instant before);
}
