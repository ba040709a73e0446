package org.openvto.sip.registrar;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestChallenge;
import org.openvto.digest.DigestHeaderParser;
import org.openvto.digest.DigestParseResult;
import org.openvto.digest.DigestResponse;
import org.openvto.digest.DigestVerifier;
import org.openvto.digest.NonceService;
import org.openvto.sip.codec.SipRequest;

/**
 * SIP digest authentication (RFC 3261 §22, RFC 8760): challenges with {@code qop="auth"} for the configured
 * algorithms (MD5 by default: what VTHs, SIPp and baresip use; SHA-256 and MD5 for modern phones), MD5 and
 * SHA-256 responses verified, nonces that expire and whose nonce count must increase. Unknown
 * users get exactly the same challenge and the same failure as a wrong password, so accounts cannot be
 * enumerated. Thread-safe.
 */
public final class SipDigestAuth {
    /** Outcome of {@link #check}. */
    public sealed interface Outcome {
        /** Authenticated as {@code user}. */
        record Ok(String user) implements Outcome {
        }

        /** No (usable) credentials, or a stale nonce: send a challenge. */
        record Challenge(boolean stale) implements Outcome {
        }

        /** Credentials present but wrong, or for another user than allowed: 403. */
        record Forbidden(String reason) implements Outcome {
        }

        /**
         * Correct credentials of {@code user} whose nonce count was already used: a retransmission of a request
         * answered statelessly, or a replay. Changes nothing; challenge it unless the caller knows it as a
         * retransmission (the registrar does).
         */
        record Replayed(String user) implements Outcome {
        }
    }

    private final String realm;
    private final SipAccounts accounts;
    private final NonceService nonces;
    private final List<DigestAlgorithm> offered;

    /** Challenges with MD5 only. */
    public SipDigestAuth(String realm, SipAccounts accounts, Clock clock) {
        this(realm, accounts, clock, List.of(DigestAlgorithm.MD5));
    }

    /** Challenges with each of {@code offered}, most preferred first (RFC 8760 §2.4). */
    public SipDigestAuth(String realm, SipAccounts accounts, Clock clock, List<DigestAlgorithm> offered) {
        this.realm = realm;
        this.accounts = accounts;
        this.nonces = new NonceService(clock, Duration.ofMinutes(5), 100_000);
        this.offered = List.copyOf(offered);
    }

    /** Checks the credentials of {@code request} in {@code header} (Authorization or Proxy-Authorization). */
    public Outcome check(SipRequest request, String header) {
        String value = request.headers().get(header);
        if (value == null) {
            return new Outcome.Challenge(false);
        }
        if (!(DigestHeaderParser.parse(value) instanceof DigestParseResult.Parsed(DigestResponse r))) {
            return new Outcome.Forbidden("malformed credentials");
        }
        if (!realm.equals(r.realm())) {
            return new Outcome.Challenge(false);
        }
        // the response first, then the nonce: a wrong password must not consume a nonce count (NonceService)
        String password = accounts.password(r.username()).orElse(null);
        String ha1 = DigestVerifier.ha1(r.algorithm(), r.username(), realm, password == null ? "\u0000unknown" : password);
        if (password == null || !DigestVerifier.verify(r, request.method(), ha1)) {
            return new Outcome.Forbidden("wrong user name or password");
        }
        return switch (nonces.check(r.nonce(), r.nc(), false)) {
            case VALID -> new Outcome.Ok(r.username());
            case STALE -> new Outcome.Challenge(true);
            case INVALID -> new Outcome.Challenge(false);
            case REPLAYED -> new Outcome.Replayed(r.username());
        };
    }

    /**
     * Fresh challenge header values, one per offered algorithm in order of preference (RFC 8760 §2.4), all with
     * the same nonce: a client answers the first it supports.
     */
    public List<String> challenges(boolean stale) {
        String nonce = nonces.issue();
        return offered.stream().map(a -> new DigestChallenge(realm, nonce, null, a, true, stale).toHeaderValue()).toList();
    }
}
