package org.openvto.web.internal;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestChallenge;
import org.openvto.digest.DigestHeaderParser;
import org.openvto.digest.DigestParseResult;
import org.openvto.digest.NonceService;
import org.openvto.security.AccountService;
import org.openvto.security.AuthService;
import org.openvto.security.LoginResult;
import org.openvto.security.SecurityConfig;
import org.openvto.web.HttpConfig;
import org.openvto.web.WebSessions;

/**
 * The single gate in front of every route:
 * <ol>
 *   <li>public paths ({@code /healthz}, static files) pass;</li>
 *   <li>until Device Init is done, the UI redirects to {@code /init} and the API answers
 *       {@code 403 {"error":"device not initialized"}} (Quick Start Guide 4.2.1);</li>
 *   <li>afterwards UI pages need a session (else redirect to {@code /login}); API and metrics accept a
 *       session or HTTP Digest (RFC 7616, SHA-256 and MD5, {@code qop=auth}), else {@code 401} with
 *       both challenges;</li>
 *   <li>every state-changing request — with a session, with Digest credentials (which browsers replay on
 *       their own), and the unauthenticated init and login posts — must come from this origin (CSRF):
 *       a foreign or {@code null} {@code Origin}, or without {@code Origin} a foreign {@code Referer}, is
 *       answered {@code 403}; a request with neither is a non-browser client and passes;</li>
 *   <li>an API request with a body must declare it {@code application/json} ({@code 415} otherwise), so that
 *       a cross-site {@code text/plain} or form post can never reach a JSON handler.</li>
 * </ol>
 * The authenticated user name is left in the request attribute {@link #USER}.
 */
public final class WebAuth {
    public static final String USER = "openvto.user";
    static final String SESSION_COOKIE = "OPENVTO_SESSION";

    private final AccountService accounts;
    private final AuthService auth;
    private final SecurityConfig security;
    private final Clock clock;
    private final HttpConfig http;
    private final WebSessions sessions;
    private final NonceService nonces;
    private final String opaque = WebSessions.newId();
    private final AtomicBoolean initialized = new AtomicBoolean();

    public WebAuth(
            AccountService accounts,
            AuthService auth,
            SecurityConfig security,
            Clock clock,
            HttpConfig http,
            WebSessions sessions) {
        this.accounts = accounts;
        this.auth = auth;
        this.security = security;
        this.clock = clock;
        this.http = http;
        this.sessions = sessions;
        this.nonces = new NonceService(clock, security.nonceLifetime(), 10_000);
    }

    /** True once the device has an administrator; cached because it never becomes false again. */
    public boolean initialized() {
        if (!initialized.get() && accounts.initialized()) {
            initialized.set(true);
        }
        return initialized.get();
    }

    void before(Context ctx) {
        String path = ctx.path();
        if (isPublic(path) || (path.equals("/metrics") && http.metricsPublic())) {
            return;
        }
        boolean machine = isMachinePath(path);
        checkSameOrigin(ctx);
        if (path.startsWith("/api/")) {
            checkJsonBody(ctx);
        }
        if (!initialized()) {
            if (path.equals("/init") || path.startsWith("/init/") || path.equals("/api/v1/init")) {
                return;
            }
            throw new Halt(machine ? c -> Json.error(c, 403, "device not initialized") : c -> c.redirect("/init"));
        }
        if (path.equals("/login") || path.equals("/init/done") || path.equals("/api/v1/init")) {
            return;
        }
        if (path.equals("/init") || path.startsWith("/init/")) {
            throw new Halt(c -> c.redirect("/login"));
        }
        var user = sessions.touch(ctx.cookie(SESSION_COOKIE));
        if (user.isPresent()) {
            ctx.attribute(USER, user.get());
            return;
        }
        if (!machine) {
            throw new Halt(c -> c.redirect("/login"));
        }
        digest(ctx);
    }

    private void digest(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Digest", 0, 6)) {
            throw challenge(false);
        }
        var parsed = DigestHeaderParser.parse(header);
        if (parsed instanceof DigestParseResult.Malformed(String reason)) {
            throw new Halt(c -> Json.error(c, 400, "malformed Authorization header: " + reason));
        }
        var response = ((DigestParseResult.Parsed) parsed).response();
        String requestUri = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        if (!response.uri().equals(requestUri)) {
            throw new Halt(c -> Json.error(c, 400, "digest uri does not match the request URI"));
        }
        if (!response.realm().equals(accounts.realm())) {
            throw challenge(false);
        }
        switch (nonces.check(response.nonce(), response.nc(), true)) {
            case VALID -> {}
            case STALE -> throw challenge(true);
            case INVALID, REPLAYED -> throw challenge(false);
        }
        LoginResult result = auth.digest(response, ctx.method().name(), ctx.ip());
        switch (result) {
            case LoginResult.Success s -> ctx.attribute(USER, s.account().username());
            case LoginResult.Rejected r -> {
                pause();
                throw challenge(false);
            }
            case LoginResult.Locked l ->
                throw new Halt(c -> Json.send(
                        c, 403, Map.of("error", lockMessage(l.until()), "retryAfterSeconds", secondsUntil(l.until()))));
        }
    }

    private Halt challenge(boolean stale) {
        String realm = accounts.realm();
        return new Halt(c -> {
            c.res()
                    .addHeader(
                            "WWW-Authenticate",
                            new DigestChallenge(realm, nonces.issue(), opaque, DigestAlgorithm.SHA_256, true, stale)
                                    .toHeaderValue());
            c.res()
                    .addHeader(
                            "WWW-Authenticate",
                            new DigestChallenge(realm, nonces.issue(), opaque, DigestAlgorithm.MD5, true, stale)
                                    .toHeaderValue());
            Json.error(c, 401, "authentication required");
        });
    }

    /** Slows every failed attempt down (Quick Start Guide Appendix 1, item 4); runs on a virtual thread. */
    public void pause() {
        try {
            Thread.sleep(security.failureDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a new session (never reusing an id the browser presented) and sets its cookie. */
    public void startSession(Context ctx, String username) {
        sessions.remove(ctx.cookie(SESSION_COOKIE));
        ctx.cookie(cookie(SESSION_COOKIE, sessions.create(username), -1));
    }

    public void endSession(Context ctx) {
        sessions.remove(ctx.cookie(SESSION_COOKIE));
        ctx.cookie(cookie(SESSION_COOKIE, "", 0));
    }

    public static Cookie cookie(String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, false, true, null, SameSite.STRICT);
    }

    public String lockMessage(Instant until) {
        long minutes = Math.max(1, (secondsUntil(until) + 59) / 60);
        return "The account and this address are locked after "
                + security.lockoutThreshold() + " failed login attempts. Try again in " + minutes
                + (minutes == 1 ? " minute." : " minutes.");
    }

    private long secondsUntil(Instant until) {
        return Math.max(0, Duration.between(clock.instant(), until).toSeconds());
    }

    private static void checkSameOrigin(Context ctx) {
        SameOrigin.refusal(ctx.method().name(), ctx.header("Host"), ctx.header("Origin"), ctx.header("Referer"))
                .ifPresent(reason -> {
                    throw new Halt(c -> Json.error(c, 403, reason));
                });
    }

    private static void checkJsonBody(Context ctx) {
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!SameOrigin.safe(ctx.method().name()) && hasBody && !SameOrigin.isJson(ctx.header("Content-Type"))) {
            throw new Halt(c -> Json.error(c, 415, "request body must be sent as Content-Type: application/json"));
        }
    }

    private static boolean isPublic(String path) {
        return path.equals("/healthz")
                || path.startsWith("/static/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    private static boolean isMachinePath(String path) {
        return path.startsWith("/api/") || path.equals("/metrics") || path.startsWith("/cgi-bin/");
    }
}
