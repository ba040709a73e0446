package org.openvto.centre;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message waiting for, or delivered to, one destination of the centre.
 *
 * @param id          the store's id, increasing: the delivery order per destination
 * @param destination the destination's id ({@code sip}, {@code webhook}, {@code syslog})
 * @param key         the idempotency key, the same on every attempt ({@code vto-alarm-17}): a centre that sees it
 *                    twice (a delivery whose answer was lost) knows it is the same alarm
 * @param topic       what it is about ({@code alarm/duress/raised})
 * @param body        the message as JSON (documented in docs/CENTRE.md); each destination frames it its own way
 * @param attempts    failed attempts so far
 * @param nextAttempt not before then
 * @param lastError   why the last attempt failed, empty if none
 */
public record OutboxMessage(
        long id,
        String destination,
        String key,
        String topic,
        String body,
        Instant createdAt,
        int attempts,
        Instant nextAttempt,
        String lastError,
        Optional<Instant> deliveredAt) {
    public OutboxMessage {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        lastError = lastError == null ? "" : lastError;
    }

    public static OutboxMessage create(String destination, String key, String topic, String body, Instant at) {
        return new OutboxMessage(0, destination, key, topic, body, at, 0, at, "", Optional.empty());
    }
}
