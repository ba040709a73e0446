package org.openvto.digest;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks server nonces for Digest authentication.
 *
 * <p>A nonce is {@code base64url(issuedAtMillis ‖ unique64 ‖ HMAC-SHA256(secret, issuedAt ‖ unique)[0..16])}:
 * its authenticity and age are checked without server state. {@code unique} is a counter that starts at a
 * random value: the secret MAC makes nonces unforgeable and unpredictable, the counter makes every one
 * different (so their nonce counts are tracked apart) without a call into the system's random source per
 * challenge. Replay protection is stateful: for
 * every nonce in use the highest {@code nc} seen is remembered, and a request must present a strictly
 * higher one (RFC 7616 §3.4). Clients that do not use {@code qop} (older RTSP clients) send no
 * {@code nc}; whether that is accepted is the caller's choice ({@code requireNonceCount}).
 *
 * <p>Memory is bounded: at most {@code maxTrackedNonces} nonces are tracked. They are kept in the order
 * they were first used; expired ones are dropped from the front, and when the table is still full the
 * oldest is evicted and the eviction watermark moves past its issue time. A nonce issued at or before
 * the watermark that is no longer tracked is answered {@link Check#STALE} (the client retries with a
 * fresh nonce), so eviction never re-opens a replay window. Every operation is amortised O(1).
 * Thread-safe.
 */
public final class NonceService {
    /** Result of {@link #check}. */
    public enum Check {
        /** Authentic, fresh and not replayed. */
        VALID,
        /** Authentic but expired: challenge again with {@code stale=true}. */
        STALE,
        /** Forged, truncated or from another server instance. */
        INVALID,
        /** The nonce count did not increase: a replayed request. */
        REPLAYED
    }

    private static final int UNIQUE_BYTES = 8;
    private static final int MAC_BYTES = 16;

    private final Clock clock;
    private final Duration lifetime;
    private final int maxTrackedNonces;
    private final SecretKeySpec key;
    private final java.util.concurrent.atomic.AtomicLong unique;
    /** A MAC instance per thread: looking one up costs more than computing the MAC. */
    private final ThreadLocal<Mac> macs;
    private final Map<String, Long> highestNonceCount = new ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<Tracked> order = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long evictedUpTo = Long.MIN_VALUE;

    private record Tracked(String nonce, long issuedAt) {
    }

    public NonceService(Clock clock, Duration lifetime, int maxTrackedNonces) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.maxTrackedNonces = maxTrackedNonces;
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.unique = new java.util.concurrent.atomic.AtomicLong(random.nextLong());
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A new nonce, valid for the configured lifetime. */
    public String issue() {
        ByteBuffer body = ByteBuffer.allocate(8 + UNIQUE_BYTES).putLong(clock.millis()).putLong(unique.incrementAndGet());
        byte[] mac = mac(body.array());
        ByteBuffer nonce = ByteBuffer.allocate(body.capacity() + MAC_BYTES).put(body.array()).put(mac, 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    /**
     * Checks {@code nonce}; {@code ncHex} is the client's 8-hex-digit nonce count or {@code null}.
     * Call only after the digest response itself verified, so a wrong password does not consume a count.
     */
    public Check check(String nonce, String ncHex, boolean requireNonceCount) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        if (raw.length != 8 + UNIQUE_BYTES + MAC_BYTES) {
            return Check.INVALID;
        }
        byte[] body = java.util.Arrays.copyOf(raw, 8 + UNIQUE_BYTES);
        byte[] expected = java.util.Arrays.copyOf(mac(body), MAC_BYTES);
        byte[] actual = java.util.Arrays.copyOfRange(raw, body.length, raw.length);
        if (!MessageDigest.isEqual(expected, actual)) {
            return Check.INVALID;
        }
        long issuedAt = ByteBuffer.wrap(body).getLong();
        long now = clock.millis();
        if (now - issuedAt > lifetime.toMillis() || issuedAt > now + 1000) {
            return Check.STALE;
        }
        if (ncHex == null) {
            return requireNonceCount ? Check.INVALID : Check.VALID;
        }
        return recordCount(nonce, issuedAt, Long.parseLong(ncHex, 16), now);
    }

    private Check recordCount(String nonce, long issuedAt, long nc, long now) {
        boolean[] fresh = {false};
        boolean[] added = {false};
        long watermark = evictedUpTo;
        highestNonceCount.compute(nonce, (k, previous) -> {
            if (previous == null) {
                if (issuedAt <= watermark) {
                    return null; // was tracked once and evicted: its count history is gone
                }
                fresh[0] = true;
                added[0] = true;
                return nc;
            }
            if (nc > previous) {
                fresh[0] = true;
                return nc;
            }
            return previous;
        });
        if (added[0]) {
            order.add(new Tracked(nonce, issuedAt));
            trim(now);
        } else if (!fresh[0] && !highestNonceCount.containsKey(nonce)) {
            return Check.STALE;
        }
        return fresh[0] ? Check.VALID : Check.REPLAYED;
    }

    /** Drops expired nonces from the front, then evicts the oldest while over the limit. */
    private void trim(long now) {
        Tracked head;
        while ((head = order.peek()) != null
                && (now - head.issuedAt() > lifetime.toMillis() || highestNonceCount.size() > maxTrackedNonces)) {
            if (order.remove(head)) {
                highestNonceCount.remove(head.nonce());
                if (now - head.issuedAt() <= lifetime.toMillis()) {
                    synchronized (this) {
                        evictedUpTo = Math.max(evictedUpTo, head.issuedAt());
                    }
                }
            }
        }
    }

    private byte[] mac(byte[] data) {
        return macs.get().doFinal(data); // doFinal resets the instance for the next use
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks HmacSHA256", e);
        }
    }
}
