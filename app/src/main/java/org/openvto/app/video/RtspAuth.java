package org.openvto.app.video;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestChallenge;
import org.openvto.digest.DigestHeaderParser;
import org.openvto.digest.DigestParseResult;
import org.openvto.digest.DigestResponse;
import org.openvto.digest.NonceService;
import org.openvto.media.rtsp.RtspAuthenticator;
import org.openvto.security.AccountService;
import org.openvto.security.AuthService;
import org.openvto.security.LoginResult;
import org.openvto.security.SecurityConfig;

/**
 * RTSP authentication with the device accounts (the console's): Digest MD5 (RFC 2617), challenged without
 * {@code qop} as Dahua door stations do on RTSP (players and NVRs expect it), answers with {@code qop=auth}
 * accepted too; Basic only when enabled. Every failure counts toward the account and address lock-out of the
 * console (Quick Start Guide Appendix 1) and a locked account gets 403.
 *
 * <p>Without {@code qop} there is no nonce count, so a nonce may be replayed while it is fresh (the security
 * nonce lifetime); RTSP has no better option that real clients implement. Checks run on virtual threads (the
 * account store and lock-out records are in the database), never on the RTSP event loop.
 */
public final class RtspAuth implements RtspAuthenticator {
    private final AccountService accounts;
    private final AuthService auth;
    private final NonceService nonces;
    private final boolean offerQop;
    private final boolean basic;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    public RtspAuth(
            AccountService accounts,
            AuthService auth,
            SecurityConfig security,
            Clock clock,
            boolean offerQop,
            boolean basic) {
        this.accounts = accounts;
        this.auth = auth;
        this.nonces = new NonceService(clock, security.nonceLifetime(), 10_000);
        this.offerQop = offerQop;
        this.basic = basic;
    }

    @Override
    public CompletionStage<Decision> check(
            String method, String uri, Optional<String> authorization, InetSocketAddress remote) {
        String source = remote.getAddress().getHostAddress();
        return CompletableFuture.supplyAsync(() -> decide(method, uri, authorization, source), workers);
    }

    private Decision decide(String method, String uri, Optional<String> authorization, String source) {
        if (authorization.isEmpty()) {
            return challenge(false);
        }
        String header = authorization.get();
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic ? basic(header.substring(6).strip(), source) : challenge(false);
        }
        if (!header.regionMatches(true, 0, "Digest", 0, 6)) {
            return challenge(false);
        }
        if (!(DigestHeaderParser.parse(header) instanceof DigestParseResult.Parsed parsed)) {
            return new Decision.Refused(400, "Bad Request");
        }
        DigestResponse response = parsed.response();
        if (!response.uri().equals(uri) || !response.realm().equals(accounts.realm())) {
            return challenge(false);
        }
        switch (nonces.check(response.nonce(), response.nc(), false)) {
            case VALID -> {}
            case STALE -> {
                return challenge(true);
            }
            case INVALID, REPLAYED -> {
                return challenge(false);
            }
        }
        return outcome(auth.digest(response, method, source));
    }

    private Decision basic(String token, String source) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Decision.Refused(400, "Bad Request");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new Decision.Refused(400, "Bad Request");
        }
        return outcome(auth.login(decoded.substring(0, colon), decoded.substring(colon + 1), source));
    }

    private Decision outcome(LoginResult result) {
        return switch (result) {
            case LoginResult.Success s -> new Decision.Allowed(s.account().username());
            case LoginResult.Rejected r -> challenge(false);
            case LoginResult.Locked l -> new Decision.Refused(403, "Forbidden");
        };
    }

    private Decision challenge(boolean stale) {
        List<String> values = new ArrayList<>();
        values.add(new DigestChallenge(accounts.realm(), nonces.issue(), null, DigestAlgorithm.MD5, offerQop, stale)
                .toHeaderValue());
        if (basic) {
            values.add("Basic realm=\"" + accounts.realm() + "\"");
        }
        return new Decision.Challenge(values);
    }

    /** Stops the checking threads. */
    public void close() {
        workers.close();
    }
}
