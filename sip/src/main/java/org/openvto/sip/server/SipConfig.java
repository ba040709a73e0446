package org.openvto.sip.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openvto.config.ConfigChecks;
import org.openvto.config.ConfigException;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.sip.proxy.DialogTable;
import org.openvto.sip.registrar.RegistrarConfig;
import org.openvto.sip.registrar.SipAuthPolicy;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transport.SipTransportConfig;

/**
 * The building SIP server's protocol settings (section {@code sip} of the defaults file, read by the
 * application), each checked against its range on construction ({@link ConfigException} names the bad key). Port,
 * domain and whether the server runs at all are installer settings in the console (Network Setting). Immutable.
 *
 * @param t1Ms, t2Ms, t4Ms  RFC 3261 timer bases ({@code sip.t1-ms}, {@code sip.t2-ms}, {@code sip.t4-ms})
 * @param minExpires        shortest registration accepted, seconds ({@code sip.register-min-expires})
 * @param maxExpires        longest granted ({@code sip.register-max-expires})
 * @param defaultExpires    when a REGISTER names none ({@code sip.register-default-expires})
 * @param digestAlgorithms  offered in challenges, preferred first ({@code sip.digest-algorithms})
 * @param maxCallMinutes    an answered call without BYE is forgotten after this ({@code sip.max-call-minutes})
 * @param allowNoQop        accept digest without qop from old devices ({@code sip.digest-allow-no-qop})
 * @param lockoutFailures   wrong passwords of one account from one address that lock the pair
 *                          ({@code sip.lockout-failures})
 * @param lockoutMinutes    how long such a lock lasts ({@code sip.lockout-minutes})
 * @param floodPerSecond    unauthenticated requests per second one address may send before it is banned, 0 = no
 *                          limit ({@code sip.flood-requests-per-second})
 * @param floodBanSeconds   how long a flooding address is ignored ({@code sip.flood-ban-seconds})
 * @param connectionIdleSeconds a TCP/TLS connection without traffic and without a live registration is closed
 *                          after this ({@code sip.connection-idle-seconds})
 * @param connectionsPerSource, connectionsMax  open TCP/TLS connections allowed per source address and in total
 * @param warmupRegistrations REGISTER exchanges run through a throw-away stack at the first start, so that a cold
 *                          JVM holds a building re-registering at once ({@code sip.warmup-registrations})
 */
public record SipConfig(
        int t1Ms,
        int t2Ms,
        int t4Ms,
        int minExpires,
        int maxExpires,
        int defaultExpires,
        List<DigestAlgorithm> digestAlgorithms,
        int maxCallMinutes,
        boolean allowNoQop,
        int lockoutFailures,
        int lockoutMinutes,
        int floodPerSecond,
        int floodBanSeconds,
        int connectionIdleSeconds,
        int connectionsPerSource,
        int connectionsMax,
        int warmupRegistrations) {

    public SipConfig {
        ConfigChecks.inRange("sip.t1-ms", t1Ms, 50, 5_000);
        ConfigChecks.inRange("sip.t2-ms", t2Ms, t1Ms, 60_000);
        ConfigChecks.inRange("sip.t4-ms", t4Ms, 0, 60_000);
        ConfigChecks.inRange("sip.register-min-expires", minExpires, 1, 3_600);
        ConfigChecks.inRange("sip.register-max-expires", maxExpires, minExpires, 86_400);
        ConfigChecks.inRange("sip.register-default-expires", defaultExpires, minExpires, maxExpires);
        ConfigChecks.inRange("sip.max-call-minutes", maxCallMinutes, 1, 1_440);
        ConfigChecks.inRange("sip.lockout-failures", lockoutFailures, 1, 100);
        ConfigChecks.inRange("sip.lockout-minutes", lockoutMinutes, 1, 1_440);
        ConfigChecks.inRange("sip.flood-requests-per-second", floodPerSecond, 0, 1_000_000);
        ConfigChecks.inRange("sip.flood-ban-seconds", floodBanSeconds, 1, 86_400);
        ConfigChecks.inRange("sip.connection-idle-seconds", connectionIdleSeconds, 1, 86_400);
        ConfigChecks.inRange("sip.connections-per-source", connectionsPerSource, 1, 10_000);
        ConfigChecks.inRange("sip.connections-max", connectionsMax, connectionsPerSource, 100_000);
        ConfigChecks.inRange("sip.warmup-registrations", warmupRegistrations, 0, 1_000_000);
        digestAlgorithms = List.copyOf(digestAlgorithms);
    }

    /** Parses {@code sip.digest-algorithms}: comma-separated RFC 8760 names, e.g. {@code SHA-256,MD5}. */
    public static List<DigestAlgorithm> algorithms(String value) {
        List<DigestAlgorithm> out = new ArrayList<>();
        for (String token : value.split(",")) {
            String t = token.strip();
            DigestAlgorithm a =
                    t.isEmpty() ? null : DigestAlgorithm.fromToken(t).orElse(null);
            if (a == null) {
                throw new ConfigException(
                        "sip.digest-algorithms",
                        "must list MD5 and/or SHA-256, comma-separated (was \"" + value + "\")");
            }
            if (out.contains(a)) {
                throw new ConfigException("sip.digest-algorithms", "names " + t + " twice");
            }
            out.add(a);
        }
        return out;
    }

    public TransactionTimers timers() {
        return new TransactionTimers(Duration.ofMillis(t1Ms), Duration.ofMillis(t2Ms), Duration.ofMillis(t4Ms));
    }

    public RegistrarConfig registrar(String realm) {
        return new RegistrarConfig(realm, minExpires, maxExpires, defaultExpires);
    }

    public SipTransportConfig.Connections connections() {
        return new SipTransportConfig.Connections(
                Duration.ofSeconds(connectionIdleSeconds), connectionsPerSource, connectionsMax);
    }

    public SipAuthPolicy authPolicy() {
        return new SipAuthPolicy(
                allowNoQop,
                lockoutFailures,
                Duration.ofMinutes(lockoutMinutes),
                floodPerSecond,
                Duration.ofSeconds(floodBanSeconds),
                SipAuthPolicy.DEFAULT.maxTracked());
    }

    public DialogTable.Limits dialogLimits() {
        return new DialogTable.Limits(DialogTable.Limits.DEFAULT.maxEarly(), Duration.ofMinutes(maxCallMinutes));
    }
}
