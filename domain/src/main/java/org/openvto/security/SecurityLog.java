package org.openvto.security;

import java.time.Clock;
import org.openvto.event.EventBus;

/**
 * Persists every {@link SecurityEvent} to the {@link SecurityLogStore} (Quick Start Guide Appendix 1, item 12
 * "Secure Auditing"). Subscribes synchronously, so an event is on disk before its publisher answers.
 */
public final class SecurityLog implements AutoCloseable {
    private final EventBus.Subscription subscription;

    public SecurityLog(EventBus bus, SecurityLogStore store, Clock clock) {
        this.subscription = bus.subscribe(
                SecurityEvent.class,
                e -> store.append(new SecurityLogEntry(
                        0,
                        clock.instant(),
                        e.topic().substring("security/".length()),
                        e.username(),
                        e.source(),
                        e.detail())));
    }

    @Override
    public void close() {
        subscription.close();
    }
}
