package org.openvto.sip.registrar;

import java.time.Duration;

/**
 * How SIP digest defends itself against old clients, password guessing and floods.
 *
 * @param allowNoQop             accept RFC 2069 credentials (no {@code qop}, no nonce count) although the challenge
 *                               offered {@code qop=auth}: such a credential can be replayed for the nonce's lifetime
 *                               (5 minutes), so only for old devices that cannot do better
 * @param lockoutFailures        wrong digest responses of one account from one source IP that lock that pair (1–100)
 * @param lockoutDuration        how long a lock lasts, and how long failures are remembered (1 minute–1 day)
 * @param floodRequestsPerSecond requests one source IP may send per second that do not authenticate (challenged,
 *                               refused) before it is banned (0 = no limit, up to 1,000,000)
 * @param floodBan               how long a banned source is ignored (1 second–1 day)
 * @param maxTracked             entries per table (failure counts, locks, per-source counts, bans), 100–1,000,000;
 *                               when one is full its oldest entry is dropped
 */
public record SipAuthPolicy(
        boolean allowNoQop,
        int lockoutFailures,
        Duration lockoutDuration,
        int floodRequestsPerSecond,
        Duration floodBan,
        int maxTracked) {
    /** The defaults file's values: qop required, 5 failures lock for 30 minutes, 2,000/s ban for 60 s. */
    public static final SipAuthPolicy DEFAULT =
            new SipAuthPolicy(false, 5, Duration.ofMinutes(30), 2_000, Duration.ofSeconds(60), 10_000);

    /** @throws IllegalArgumentException naming the first value out of range; nothing is created then */
    public SipAuthPolicy {
        check(lockoutFailures >= 1 && lockoutFailures <= 100, "lockoutFailures must be 1-100");
        check(
                !lockoutDuration.minusMinutes(1).isNegative() && lockoutDuration.compareTo(Duration.ofDays(1)) <= 0,
                "lockoutDuration must be 1 minute to 1 day");
        check(
                floodRequestsPerSecond >= 0 && floodRequestsPerSecond <= 1_000_000,
                "floodRequestsPerSecond must be 0-1000000");
        check(
                !floodBan.minusSeconds(1).isNegative() && floodBan.compareTo(Duration.ofDays(1)) <= 0,
                "floodBan must be 1 second to 1 day");
        check(maxTracked >= 100 && maxTracked <= 1_000_000, "maxTracked must be 100-1000000");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
