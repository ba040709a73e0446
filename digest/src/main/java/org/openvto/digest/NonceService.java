package org.openvto.digest;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLongArray;
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
 * <p>Memory is fixed: the counts live in a table of {@code maxTrackedNonces} slots (rounded up to a power
 * of two, one {@code long} each), and a nonce's slot is its counter modulo the table size, as in
 * Kamailio's {@code nc_array}. A slot holds the generation of the newest nonce used in it and that
 * nonce's count. When a newer nonce takes the slot, the older one is answered {@link Check#STALE} (the
 * client retries with a fresh nonce), so reuse never re-opens a replay window. A check allocates nothing
 * that outlives it and is lock-free (one compare-and-set); a flood of authentications costs no heap.
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
    private final SecretKeySpec key;
    private final java.util.concurrent.atomic.AtomicLong unique;
    /** A MAC instance per thread: looking one up costs more than computing the MAC. */
    private final ThreadLocal<Mac> macs;
    /** Per slot: {@link #USED} | generation << {@link #NC_BITS} | highest nonce count; 0 = never used. */
    private final AtomicLongArray slots;

    private final int slotBits;

    /** Counts above this (half a million requests on one nonce) are answered stale: the client takes a new one. */
    private static final int NC_BITS = 19;

    private static final long NC_MASK = (1L << NC_BITS) - 1;
    private static final long USED = 1L << 63;
    private static final int GENERATION_BITS = 63 - NC_BITS;
    private static final long GENERATION_MASK = (1L << GENERATION_BITS) - 1;

    public NonceService(Clock clock, Duration lifetime, int maxTrackedNonces) {
        this.clock = clock;
        this.lifetime = lifetime;
        if (maxTrackedNonces < 1) {
            throw new IllegalArgumentException("maxTrackedNonces must be at least 1: " + maxTrackedNonces);
        }
        this.slotBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, maxTrackedNonces - 1));
        this.slots = new AtomicLongArray(1 << slotBits);
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.unique = new java.util.concurrent.atomic.AtomicLong(random.nextLong());
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A new nonce, valid for the configured lifetime. */
    public String issue() {
        ByteBuffer body =
                ByteBuffer.allocate(8 + UNIQUE_BYTES).putLong(clock.millis()).putLong(unique.incrementAndGet());
        byte[] mac = mac(body.array());
        ByteBuffer nonce = ByteBuffer.allocate(body.capacity() + MAC_BYTES)
                .put(body.array())
                .put(mac, 0, MAC_BYTES);
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
        ByteBuffer fields = ByteBuffer.wrap(body);
        long issuedAt = fields.getLong();
        long counter = fields.getLong();
        long now = clock.millis();
        if (now - issuedAt > lifetime.toMillis() || issuedAt > now + 1000) {
            return Check.STALE;
        }
        if (ncHex == null) {
            return requireNonceCount ? Check.INVALID : Check.VALID;
        }
        long nc;
        try {
            nc = Long.parseUnsignedLong(ncHex, 16);
        } catch (NumberFormatException e) {
            return Check.INVALID;
        }
        return recordCount(counter, nc);
    }

    private Check recordCount(long counter, long nc) {
        if (nc > NC_MASK) {
            return Check.STALE;
        }
        int slot = (int) (counter & ((1L << slotBits) - 1));
        long generation = (counter >>> slotBits) & GENERATION_MASK;
        long mine = USED | generation << NC_BITS | nc;
        while (true) {
            long held = slots.get(slot);
            if (held != 0) {
                long heldGeneration = (held >>> NC_BITS) & GENERATION_MASK;
                long ahead = (generation - heldGeneration) & GENERATION_MASK; // modular: the counter wraps
                if (ahead == 0 && nc <= (held & NC_MASK)) {
                    return Check.REPLAYED;
                }
                if (ahead != 0 && ahead > GENERATION_MASK / 2) {
                    return Check.STALE; // a newer nonce took the slot: this one's count history is gone
                }
            }
            if (slots.compareAndSet(slot, held, mine)) {
                return Check.VALID;
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
