package org.openvto.sip.server;

import java.util.List;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.sip.proxy.DialogTable;
import org.openvto.sip.registrar.RegistrarConfig;
import org.openvto.sip.registrar.SipAuthPolicy;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transport.SipTransportConfig;

/**
 * Everything the building SIP server is configured with.
 *
 * @param challengeAlgorithms digest algorithms offered in 401/407 challenges, most preferred first (RFC 8760
 *                            §2.4: one challenge per algorithm); responses with MD5 or SHA-256 are verified
 *                            whatever is offered
 * @param dialogLimits        how long calls may live without the signalling that ends them
 * @param authPolicy          qop requirement, password-guessing lockout and flood ban of digest authentication
 * @param warmupRegistrations REGISTER exchanges run through a throw-away stack before the first start in this JVM
 *                            ({@link SipWarmup}); 0 for none
 */
public record SipServerConfig(
        SipTransportConfig transport,
        TransactionTimers timers,
        RegistrarConfig registrar,
        List<DigestAlgorithm> challengeAlgorithms,
        DialogTable.Limits dialogLimits,
        SipAuthPolicy authPolicy,
        int warmupRegistrations) {
    /** Without warm-up (tests). */
    public SipServerConfig(
            SipTransportConfig transport,
            TransactionTimers timers,
            RegistrarConfig registrar,
            List<DigestAlgorithm> challengeAlgorithms,
            DialogTable.Limits dialogLimits,
            SipAuthPolicy authPolicy) {
        this(transport, timers, registrar, challengeAlgorithms, dialogLimits, authPolicy, 0);
    }

    public SipServerConfig {
        if (warmupRegistrations < 0) {
            throw new IllegalArgumentException("warmupRegistrations must not be negative");
        }
        if (challengeAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one digest algorithm must be offered");
        }
        challengeAlgorithms = List.copyOf(challengeAlgorithms);
    }
}
