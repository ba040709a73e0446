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
import org.openvto.sip.codec.SipVia;

/**
 * SIP digest authentication (RFC 3261 §22, RFC 8760): challenges with {@code qop="auth"} for the configured
 * algorithms (MD5 by default: what VTHs, SIPp and baresip use; SHA-256 and MD5 for modern phones), MD5 and
 * SHA-256 responses verified, nonces that expire and whose nonce count must increase. Unknown
 * users get exactly the same challenge and the same failure as a wrong password, so accounts cannot be
 * enumerated.
 *
 * <p>Credentials without {@code qop} (RFC 2069) carry no nonce count, so one captured request could be replayed
 * for the nonce's whole lifetime; since every challenge offers {@code qop="auth"}, they are refused (Forbidden,
 * before the response is checked, so they are no password oracle and count as no failure) unless
 * {@link SipAuthPolicy#allowNoQop} is set. Forbidden rather than a new challenge: the new challenge would offer
 * the same qop the client just ignored, and an RFC 2069 device would loop REGISTER → 401 for ever.
 *
 * <p>Wrong responses feed the {@link SipAuthGuard}: a locked (account, source IP) pair is Forbidden before its
 * response is checked, and every request that does not authenticate counts towards its source's flood limit.
 * The source is the top Via's {@code received} address (stamped by the transport). Thread-safe.
 */
public final class SipDigestAuth {
    /** Outcome of {@link #check}. */
    public sealed interface Outcome {
        /** Authenticated as {@code user}. */
        record Ok(String user) implements Outcome {}

        /** No (usable) credentials, or a stale nonce: send a challenge. */
        record Challenge(boolean stale) implements Outcome {}

        /** Credentials present but wrong, or for another user than allowed: 403. */
        record Forbidden(String reason) implements Outcome {}

        /**
         * Correct credentials of {@code user} whose nonce count was already used: a retransmission of a request
         * answered statelessly, or a replay. Changes nothing; challenge it unless the caller knows it as a
         * retransmission (the registrar does).
         */
        record Replayed(String user) implements Outcome {}
    }

    private static final Outcome NO_CREDENTIALS = new Outcome.Challenge(false);
    private static final Outcome STALE = new Outcome.Challenge(true);
    private static final Outcome MALFORMED = new Outcome.Forbidden("malformed credentials");
    private static final Outcome NO_QOP = new Outcome.Forbidden("credentials without qop");
    private static final Outcome LOCKED = new Outcome.Forbidden("locked");
    private static final Outcome WRONG = new Outcome.Forbidden("wrong user name or password");

    private final String realm;
    private final SipAccounts accounts;
    private final NonceService nonces;
    private final List<DigestAlgorithm> offered;
    private final SipAuthGuard guard;

    /** Challenges with MD5 only, with the {@linkplain SipAuthPolicy#DEFAULT default} guard and no listener. */
    public SipDigestAuth(String realm, SipAccounts accounts, Clock clock) {
        this(
                realm,
                accounts,
                clock,
                List.of(DigestAlgorithm.MD5),
                new SipAuthGuard(SipAuthPolicy.DEFAULT, clock, SipAuthListener.NONE));
    }

    /** Challenges with each of {@code offered}, most preferred first (RFC 8760 §2.4); {@code guard} locks and bans. */
    public SipDigestAuth(
            String realm, SipAccounts accounts, Clock clock, List<DigestAlgorithm> offered, SipAuthGuard guard) {
        this.realm = realm;
        this.accounts = accounts;
        this.nonces = new NonceService(clock, Duration.ofMinutes(5), 100_000);
        this.offered = List.copyOf(offered);
        this.guard = guard;
    }

    public SipAuthGuard guard() {
        return guard;
    }

    /**
     * Checks the credentials of {@code request} in {@code header} (Authorization or Proxy-Authorization).
     * Every outcome but Ok and Replayed counts towards the source's flood limit.
     */
    public Outcome check(SipRequest request, String header) {
        String value = request.headers().get(header);
        if (value == null) {
            return notAuthenticated(request, NO_CREDENTIALS);
        }
        if (!(DigestHeaderParser.parse(value) instanceof DigestParseResult.Parsed(DigestResponse r))) {
            return notAuthenticated(request, MALFORMED);
        }
        if (!realm.equals(r.realm())) {
            return notAuthenticated(request, NO_CREDENTIALS);
        }
        if (r.qop() == null && !guard.policy().allowNoQop()) {
            return notAuthenticated(request, NO_QOP);
        }
        // the source address is parsed from the Via only when a table needs it: never on a quiet server's success path
        if (guard.anyLocked() && guard.locked(r.username(), sourceIp(request))) {
            return notAuthenticated(request, LOCKED); // even the right password: the pair is locked
        }
        if (!verify(r, request.method())) {
            String source = sourceIp(request);
            guard.failed(r.username(), source); // unknown users too: a scanner must not tell them apart
            guard.unauthenticated(source);
            return WRONG;
        }
        // with qop the parser guarantees a nonce count; without (allowed above) there is none to check
        return switch (nonces.check(r.nonce(), r.nc(), r.qop() != null)) {
            case VALID -> {
                if (guard.anyFailures()) {
                    guard.succeeded(r.username(), sourceIp(request));
                }
                yield new Outcome.Ok(r.username());
            }
            case STALE -> notAuthenticated(request, STALE);
            case INVALID -> notAuthenticated(request, NO_CREDENTIALS);
            case REPLAYED -> new Outcome.Replayed(r.username());
        };
    }

    /**
     * The response first, then the nonce: a wrong password must not consume a nonce count (NonceService). An
     * unknown user costs the same hashing as a known one.
     */
    private boolean verify(DigestResponse r, String method) {
        String password = accounts.password(r.username()).orElse(null);
        String ha1 =
                DigestVerifier.ha1(r.algorithm(), r.username(), realm, password == null ? "\u0000unknown" : password);
        return DigestVerifier.verify(r, method, ha1) && password != null;
    }

    private Outcome notAuthenticated(SipRequest request, Outcome outcome) {
        if (guard.countsFloods()) {
            guard.unauthenticated(sourceIp(request));
        }
        return outcome;
    }

    /** The address the request came from: the top Via's {@code received} (or its host when it matched). */
    public static String sourceIp(SipRequest request) {
        SipVia via = request.topVia();
        return via == null ? "" : via.responseHost();
    }

    /**
     * Fresh challenge header values, one per offered algorithm in order of preference (RFC 8760 §2.4), all with
     * the same nonce: a client answers the first it supports.
     */
    public List<String> challenges(boolean stale) {
        String nonce = nonces.issue();
        return offered.stream()
                .map(a -> new DigestChallenge(realm, nonce, null, a, true, stale).toHeaderValue())
                .toList();
    }
}
