package org.openvto.web.internal.init;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openvto.security.AccountService.PreparedPassword;
import org.openvto.web.WebSessions;

/**
 * Device Init is two screens (password, then e-mail). Between them the checked, already hashed
 * password waits here under a random token held in a cookie — never the plaintext, and nothing is
 * committed until the second screen. Entries expire after 15 minutes; at most 16 are kept.
 * Thread-safe.
 */
public final class PendingInits {
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final int MAX = 16;

    private record Pending(PreparedPassword password, Instant created) {}

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    public PendingInits(Clock clock) {
        this.clock = clock;
    }

    String put(PreparedPassword password) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.created().plus(LIFETIME).isBefore(now));
        if (pending.size() >= MAX) {
            pending.clear();
        }
        String token = WebSessions.newId();
        pending.put(token, new Pending(password, now));
        return token;
    }

    Optional<PreparedPassword> get(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Pending p = pending.get(token);
        if (p == null || p.created().plus(LIFETIME).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(p.password());
    }

    void remove(String token) {
        if (token != null) {
            pending.remove(token);
        }
    }
}
