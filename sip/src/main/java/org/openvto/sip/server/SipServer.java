package org.openvto.sip.server;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.openvto.sip.codec.SipMethod;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipResponseStatus;
import org.openvto.sip.codec.SipVia;
import org.openvto.sip.proxy.DialogTable;
import org.openvto.sip.proxy.Proxy;
import org.openvto.sip.proxy.TargetResolver;
import org.openvto.sip.registrar.BindingStore;
import org.openvto.sip.registrar.LocationService;
import org.openvto.sip.registrar.Registrar;
import org.openvto.sip.registrar.ServedDomains;
import org.openvto.sip.registrar.SipAccounts;
import org.openvto.sip.registrar.SipAuthGuard;
import org.openvto.sip.registrar.SipAuthListener;
import org.openvto.sip.registrar.SipDigestAuth;
import org.openvto.sip.stack.SipRouter;
import org.openvto.sip.stack.SipStack;
import org.openvto.sip.transaction.ServerTransactionHandle;
import org.openvto.sip.transport.SipTransport;
import org.openvto.sip.ua.UserAgent;
import org.openvto.sip.ua.UserAgentClient;

/**
 * The building SIP server of a VTO (Quick Start Guide 4.2.4 "VTO as SIP server"): one {@link SipStack} (transports
 * → transactions) with a {@link SipRouter} in front of its transaction users — REGISTER to the {@link Registrar},
 * OPTIONS addressed to the server answered here, everything else (calls, in-dialog requests, CANCEL, ACK) to
 * the forking {@link Proxy}. The VTO's own user agent sends on the same stack ({@link #userAgent}: requests outside a
 * dialog, such as the MESSAGE to the management centre); for its calls it will join as one more route.
 */
public final class SipServer implements AutoCloseable {
    private static final Duration DIALOG_SWEEP = Duration.ofSeconds(10);
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final SipStack stack;
    private final Registrar registrar;
    private final LocationService locations;
    private final Proxy proxy;
    private final DialogTable dialogs;
    private final SipRouter router;
    private final UserAgentClient userAgent;
    private final UserAgent calls;

    private final SipAuthGuard guard;

    /**
     * The VTO's own calls on this server's stack: who its user agent is and who gets the calls that arrive. The
     * identity's {@code trusted} sources are completed with this server's own address, so that calls its proxy
     * forwards (authenticated, with {@code P-Asserted-Identity}) are taken.
     */
    public record Calls(UserAgent.Identity identity, UserAgent.Listener listener) {}

    /**
     * {@code accounts} are the devices that may register, {@code targets} the numbering plan calls are routed by;
     * {@code dialogListener} is told about every call's state changes and {@code authListener} about every lock
     * and flood ban, both on the SIP thread (they must not block); {@code calls} is the VTO's own user agent (null
     * for none), the router's first route.
     */
    public SipServer(
            SipServerConfig config,
            SipAccounts accounts,
            TargetResolver targets,
            BindingStore bindings,
            Clock clock,
            DialogTable.Listener dialogListener,
            SipAuthListener authListener,
            Calls calls) {
        this.stack = new SipStack(config.transport(), config.timers());
        this.dialogs = new DialogTable(clock, config.dialogLimits(), dialogListener);
        this.locations = new LocationService(bindings, clock);
        this.guard = new SipAuthGuard(config.authPolicy(), clock, authListener);
        SipDigestAuth auth =
                new SipDigestAuth(config.registrar().realm(), accounts, clock, config.challengeAlgorithms(), guard);
        ServedDomains served =
                ServedDomains.of(config.registrar().realm(), config.transport().bindAddress());
        this.registrar = new Registrar(config.registrar(), served, auth, locations, clock);
        this.proxy = new Proxy(stack.transactions(), stack.transport(), locations, targets, auth, dialogs);
        stack.transport().setFlowInUse(remote -> locations.hasFlow(SipTransport.format(remote)));
        this.calls = calls == null ? null : userAgent(calls, config);
        var routes =
                SipRouter.builder().drop(request -> guard.anyBanned() && guard.banned(SipDigestAuth.sourceIp(request)));
        if (this.calls != null) {
            routes.route("user agent", UserAgent::isForMe, this.calls); // before the proxy: requests to our Contact
        }
        this.router = routes.route(
                        "registrar",
                        request -> SipMethod.REGISTER.equals(request.method()),
                        (request, tx) -> registrar.register(request, tx, source(request, tx), transportOf(request)))
                .route("options", SipServer::optionsToServer, (request, tx) -> tx.respond(optionsAnswer(request)))
                .otherwise(proxy)
                .build();
        stack.route(router);
        this.userAgent = new UserAgentClient(stack.transactions(), stack.transport(), stack.transport()::execute);
    }

    private UserAgent userAgent(Calls c, SipServerConfig config) {
        java.net.InetSocketAddress self =
                SipTransport.literalAddress(config.transport().bindAddress(), 0);
        UserAgent.Identity given = c.identity();
        var identity = new UserAgent.Identity(
                given.user(),
                given.domain(),
                given.userAgent(),
                from -> given.trusted().test(from)
                        || (self != null && self.getAddress().equals(from.getAddress()) && from.getPort() == port()));
        return new UserAgent(
                stack.transactions(),
                stack.transport(),
                stack.transport()::execute,
                stack.scheduler(),
                identity,
                c.listener());
    }

    /** The VTO's own user agent for calls, when this server was made with {@link Calls}. */
    public java.util.Optional<UserAgent> calls() {
        return java.util.Optional.ofNullable(calls);
    }

    /**
     * Runs {@code config}'s warm-up ({@link SipWarmup}) unless one ran in this JVM already (compiled code outlives
     * restarts). Blocks the calling thread for its duration (about 2 s for 20,000 registrations); safe on any
     * thread, it shares nothing with running servers.
     */
    public static void warmUpOnce(SipServerConfig config) {
        if (config.warmupRegistrations() > 0 && WARMED.compareAndSet(false, true)) {
            SipWarmup.run(config, config.warmupRegistrations());
        }
    }

    public void start() throws InterruptedException {
        stack.start();
        scheduleDialogSweep();
    }

    private void scheduleDialogSweep() {
        try {
            stack.scheduler().schedule(DIALOG_SWEEP, () -> {
                dialogs.sweep();
                scheduleDialogSweep();
            });
        } catch (RejectedExecutionException closing) {
            // the server is shutting down: no more sweeps
        }
    }

    /**
     * True when the SIP thread runs a task within {@code timeout}: false when it died (an Error escaped
     * Netty) or is stuck. All SIP work runs on that one thread, so a supervisor restarts the server then.
     * Call from another thread.
     */
    public boolean responsive(Duration timeout) {
        return stack.responsive(timeout);
    }

    /** Live server and client transactions, for metrics. */
    public int[] transactionCounts() {
        return stack.transactionCounts();
    }

    /** The calls being routed (live dialogs). */
    public DialogTable dialogs() {
        return dialogs;
    }

    public int port() {
        return stack.port();
    }

    /** Digest lockout and flood ban, with their counters for metrics. */
    public SipAuthGuard authGuard() {
        return guard;
    }

    public LocationService locations() {
        return locations;
    }

    public SipTransport transport() {
        return stack.transport();
    }

    /**
     * The VTO's own user agent client on this server's stack and port: {@link UserAgentClient#send} from any thread
     * (a request sent while the server stops ends as {@link UserAgentClient.Outcome.NoAnswer}).
     */
    public UserAgentClient userAgent() {
        return userAgent;
    }

    /** OPTIONS to the server itself (no user part) is answered here; OPTIONS to a device is proxied. */
    private static boolean optionsToServer(SipRequest request) {
        return SipMethod.OPTIONS.equals(request.method())
                && request.sipRequestUri() != null
                && request.sipRequestUri().user() == null;
    }

    private static SipResponse optionsAnswer(SipRequest request) {
        SipResponse ok = SipResponse.createFor(request, SipResponseStatus.OK);
        ok.headers().add("Allow", "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO, MESSAGE");
        return ok.withStableToTag();
    }

    /** The router in front of the transaction users (which request goes where), for tests. */
    public SipRouter router() {
        return router;
    }

    /**
     * Where the REGISTER came from: the connection's or datagram's address (so a stream registration names its
     * flow, RFC 5626), else the top Via as the transport stamped it ({@code received}/{@code rport}).
     */
    static String source(SipRequest request, ServerTransactionHandle tx) {
        if (tx.peer() != null) {
            return SipTransport.format(tx.peer());
        }
        SipVia via = request.topVia();
        return via.responseHost() + ":" + via.responsePort();
    }

    static String transportOf(SipRequest request) {
        return request.topVia().transport();
    }

    @Override
    public void close() {
        stack.close();
    }
}
