package org.openvto.sip.transaction;

import java.time.Duration;

/**
 * RFC 3261 §17 timer base values (Table 4). T1 is the round-trip estimate (default 500 ms), T2 the
 * maximum retransmission interval for non-INVITE requests and INVITE responses (4 s), T4 the time a
 * message may stay in the network (5 s). All other timers derive from them.
 */
public record TransactionTimers(Duration t1, Duration t2, Duration t4) {
    public static final TransactionTimers DEFAULT =
            new TransactionTimers(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));

    public TransactionTimers {
        if (t1.isZero() || t1.isNegative() || t2.compareTo(t1) < 0 || t4.isNegative()) {
            throw new IllegalArgumentException("need 0 < T1 <= T2 and T4 >= 0");
        }
    }

    /** The next retransmission interval of Timers E and G: twice {@code interval}, at most T2 (§17.1.2.2, §17.2.1). */
    public Duration backoff(Duration interval) {
        Duration doubled = interval.multipliedBy(2);
        return doubled.compareTo(t2) < 0 ? doubled : t2;
    }

    /** 64·T1: Timers B, F, H, J (unreliable), L and M. */
    public Duration timeout() {
        return t1.multipliedBy(64);
    }

    /** Timer D: at least 32 s on unreliable transports, 0 on reliable ones (§17.1.1.2). */
    public Duration timerD(boolean reliable) {
        return reliable
                ? Duration.ZERO
                : Duration.ofSeconds(32).compareTo(timeout()) > 0 ? Duration.ofSeconds(32) : timeout();
    }
}
