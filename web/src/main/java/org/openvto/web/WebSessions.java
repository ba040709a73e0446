package org.openvto.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side web sessions: a random 256-bit id in an HttpOnly, SameSite=Strict cookie maps to the
 * logged-in user. A new id is issued at every login (session fixation cannot survive it) and sessions
 * expire after the configured idle time. At most {@link #MAX_SESSIONS} live at once; the oldest is
 * dropped first. Kept in memory: a restart logs everyone out, which is what a device reboot does too.
 * Owned by the composition root so sessions survive a restart of the web server (port change).
 * Thread-safe.
 */
public final class WebSessions {
    static final int MAX_SESSIONS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(String username, Instant lastSeen) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idleTimeout;

    public WebSessions(Clock clock, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** Creates a session for {@code username} and returns its new id. */
    public String create(String username) {
        evictExpired();
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.entrySet().stream()
                    .min(Map.Entry.comparingByValue((a, b) -> a.lastSeen().compareTo(b.lastSeen())))
                    .ifPresent(oldest -> sessions.remove(oldest.getKey()));
        }
        String id = newId();
        sessions.put(id, new Session(username, clock.instant()));
        return id;
    }

    /** The user of a live session, refreshing its idle timer; empty for unknown or expired ids. */
    public Optional<String> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s =
                sessions.computeIfPresent(id, (k, old) -> expired(old, now) ? null : new Session(old.username(), now));
        return Optional.ofNullable(s).map(Session::username);
    }

    public void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private boolean expired(Session s, Instant now) {
        return s.lastSeen().plus(idleTimeout).isBefore(now);
    }

    private void evictExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    public static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
