package org.openvto.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password-guessing lockout and flood ban for SIP digest, after the console's account lock and Kamailio's
 * {@code pike} module.
 *
 * <p><b>Lockout.</b> After {@link SipAuthPolicy#lockoutFailures} wrong responses for one account <em>from one
 * source IP</em> within {@link SipAuthPolicy#lockoutDuration}, that (account, source) pair is refused for the
 * lock duration, even with the right password. The key is the pair, not the account: the console also locks
 * the account, but a room's indoor monitor registering from its own address must not notice an attack on its
 * account from elsewhere. Unknown user names are locked the same way, so a scanner cannot tell them from real
 * ones. A success forgets the pair's failures. Each lock is reported once to the {@link SipAuthListener}.
 *
 * <p><b>Flood ban.</b> A source IP that sends more than {@link SipAuthPolicy#floodRequestsPerSecond} requests
 * within one second (a fixed window) that do not authenticate — challenged, refused — is banned for
 * {@link SipAuthPolicy#floodBan}; banned sources are ignored entirely (see {@link #banned}). Requests that
 * authenticate are never counted: a REGISTER → 401 → REGISTER → 200 registration costs one count, so the limit
 * is a rate of registrations (or guesses) per source, not of traffic.
 *
 * <p><b>Limits.</b> Locks and bans live in memory (the hot path never waits for a database), so a restart of
 * the SIP server lifts them. Each of the four tables (failure counts, locks, per-source counts, bans) holds at
 * most {@link SipAuthPolicy#maxTracked} entries; when one is full its oldest entry goes: the oldest failure
 * count is forgotten, the lock or ban that would expire first is lifted early, and the evictions are counted
 * ({@link #evictions}). Filling a lock table of 10,000 takes 50,000 failures, which the flood ban slows to
 * at least 25 s per source, so a guesser gains a handful of tries per flush.
 *
 * <p><b>Cost.</b> Every method is O(1) amortised. While nobody misbehaves (empty tables) the checks on the
 * success path read a volatile field and allocate nothing. Thread-safe; see {@link BoundedTable} for why one
 * monitor per table is never contended here.
 */
public final class SipAuthGuard {
    private static final Logger LOG = LoggerFactory.getLogger(SipAuthGuard.class);

    private record Pair(String account, String ip) {}

    private static final class Failures {
        final long firstAt;
        int count;

        Failures(long firstAt) {
            this.firstAt = firstAt;
        }
    }

    private static final class Window {
        final long second;
        int count;

        Window(long second) {
            this.second = second;
        }
    }

    private final SipAuthPolicy policy;
    private final Clock clock;
    private final SipAuthListener listener;
    private final BoundedTable<Pair, Failures> failures;
    private final BoundedTable<Pair, Long> locks;
    private final BoundedTable<String, Window> windows;
    private final BoundedTable<String, Long> bans;
    private final LongAdder lockouts = new LongAdder();
    private final LongAdder refusedWhileLocked = new LongAdder();
    private final LongAdder floodBans = new LongAdder();
    private final LongAdder droppedWhileBanned = new LongAdder();

    public SipAuthGuard(SipAuthPolicy policy, Clock clock, SipAuthListener listener) {
        this.policy = policy;
        this.clock = clock;
        this.listener = listener;
        this.failures = new BoundedTable<>(policy.maxTracked());
        this.locks = new BoundedTable<>(policy.maxTracked());
        this.windows = new BoundedTable<>(policy.maxTracked());
        this.bans = new BoundedTable<>(policy.maxTracked());
    }

    public SipAuthPolicy policy() {
        return policy;
    }

    /**
     * False when no source is banned: then the caller need not even work out the source address. Lock-free.
     */
    public boolean anyBanned() {
        return !bans.isEmpty();
    }

    /** False when no pair is locked. Lock-free. */
    public boolean anyLocked() {
        return !locks.isEmpty();
    }

    /** False when no pair has failures to forget. Lock-free. */
    public boolean anyFailures() {
        return !failures.isEmpty();
    }

    /** Whether {@link #unauthenticated} counts at all (the flood limit is not 0). */
    public boolean countsFloods() {
        return policy.floodRequestsPerSecond() > 0;
    }

    /**
     * True while {@code sourceIp} is banned; counts the request as dropped. The caller answers nothing (like
     * {@code pike}): an answer would cost the encoding and a send per flood packet, reflect traffic to a
     * spoofed source, and tell the flooder where the limit is.
     */
    public boolean banned(String sourceIp) {
        if (bans.isEmpty()) {
            return false;
        }
        Long until = bans.get(sourceIp);
        if (until == null || clock.millis() >= until) {
            return false; // an expired ban is dropped with the next ban
        }
        droppedWhileBanned.increment();
        return true;
    }

    /** True while {@code account} is locked for {@code sourceIp}; counts the refusal. */
    public boolean locked(String account, String sourceIp) {
        if (locks.isEmpty()) {
            return false;
        }
        Long until = locks.get(new Pair(account, sourceIp));
        if (until == null || clock.millis() >= until) {
            return false;
        }
        refusedWhileLocked.increment();
        return true;
    }

    /** A wrong response for {@code account} from {@code sourceIp}: counts it, and locks the pair at the limit. */
    public void failed(String account, String sourceIp) {
        long now = clock.millis();
        long window = policy.lockoutDuration().toMillis();
        Pair pair = new Pair(account, sourceIp);
        int count;
        synchronized (failures) {
            failures.dropExpired(f -> now - f.firstAt >= window);
            Failures f = failures.get(pair);
            if (f == null || now - f.firstAt >= window) {
                f = new Failures(now);
                failures.put(pair, f);
            }
            count = ++f.count;
            if (count < policy.lockoutFailures()) {
                return;
            }
            failures.remove(pair);
        }
        lock(pair, count, now);
    }

    private void lock(Pair pair, int count, long now) {
        long until = now + policy.lockoutDuration().toMillis();
        synchronized (locks) {
            locks.dropExpired(u -> u <= now);
            locks.put(pair, until);
        }
        lockouts.increment();
        try {
            listener.onLocked(pair.account(), pair.ip(), count, Instant.ofEpochMilli(until));
        } catch (RuntimeException e) {
            LOG.warn("SIP lock listener failed: {}", e.toString());
        }
    }

    /** The right response for {@code account} from {@code sourceIp}: its failures are forgotten. */
    public void succeeded(String account, String sourceIp) {
        if (!failures.isEmpty()) {
            failures.remove(new Pair(account, sourceIp));
        }
    }

    /** A request from {@code sourceIp} that did not authenticate; bans the source beyond the flood limit. */
    public void unauthenticated(String sourceIp) {
        int limit = policy.floodRequestsPerSecond();
        if (limit == 0) {
            return;
        }
        long now = clock.millis();
        long second = Math.floorDiv(now, 1000);
        int count;
        synchronized (windows) {
            Window w = windows.get(sourceIp);
            if (w == null || w.second != second) {
                windows.dropExpired(x -> x.second < second);
                w = new Window(second);
                windows.put(sourceIp, w); // re-inserted: the table stays ordered by window start
            }
            count = ++w.count;
            if (count <= limit) {
                return;
            }
            windows.remove(sourceIp);
        }
        ban(sourceIp, count, now);
    }

    private void ban(String sourceIp, int count, long now) {
        long until = now + policy.floodBan().toMillis();
        synchronized (bans) {
            bans.dropExpired(u -> u <= now);
            bans.put(sourceIp, until);
        }
        floodBans.increment();
        try {
            listener.onBanned(sourceIp, count, Instant.ofEpochMilli(until));
        } catch (RuntimeException e) {
            LOG.warn("SIP ban listener failed: {}", e.toString());
        }
    }

    /** Locks made since start. */
    public long lockouts() {
        return lockouts.sum();
    }

    /** Requests refused (403, no challenge) because their (account, source) pair was locked. */
    public long refusedWhileLocked() {
        return refusedWhileLocked.sum();
    }

    /** Sources banned for flooding since start. */
    public long floodBans() {
        return floodBans.sum();
    }

    /** Requests dropped unanswered because their source was banned. */
    public long droppedWhileBanned() {
        return droppedWhileBanned.sum();
    }

    /** Entries dropped because a table was full (see the class comment). */
    public long evictions() {
        return failures.evicted() + locks.evicted() + windows.evicted() + bans.evicted();
    }

    /** Entries held now (failure counts + locks + per-source counts + bans), for tests and diagnostics. */
    public int tracked() {
        return failures.size() + locks.size() + windows.size() + bans.size();
    }
}
