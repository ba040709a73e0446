package org.openvto.sip.server;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openvto.sip.codec.SipMessage;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipVia;
import org.openvto.sip.dialog.DialogTable;
import org.openvto.sip.proxy.Proxy;
import org.openvto.sip.registrar.BindingStore;
import org.openvto.sip.registrar.LocationService;
import org.openvto.sip.registrar.Registrar;
import org.openvto.sip.registrar.RegistrarConfig;
import org.openvto.sip.registrar.ServedDomains;
import org.openvto.sip.registrar.SipAccounts;
import org.openvto.sip.registrar.SipAuthGuard;
import org.openvto.sip.registrar.SipAuthListener;
import org.openvto.sip.registrar.SipDigestAuth;
import org.openvto.sip.transaction.ServerTransactionHandle;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transaction.TransactionUser;
import org.openvto.sip.transport.SipTransport;
import org.openvto.sip.transport.SipTransportConfig;

/**
 * The building SIP server of a VTO (Quick Start Guide 4.2.4 "VTO as SIP server"): transports → transactions → this
 * transaction user, which hands REGISTER to the {@link Registrar}, answers OPTIONS addressed to the server
 * and gives everything else — calls, in-dialog requests, CANCEL, ACK — to the forking {@link Proxy}.
 */
public final class SipServer implements TransactionUser, AutoCloseable {
    private static final Duration DIALOG_SWEEP = Duration.ofSeconds(10);
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();
    private final TransactionLayer layer;
    private final SipTransport transport;
    private final Registrar registrar;
    private final LocationService locations;
    private final Proxy proxy;
    private final DialogTable dialogs;

    private final SipAuthGuard guard;

    /**
     * {@code dialogListener} is told about every call's state changes and {@code authListener} about every lock
     * and flood ban, both on the SIP thread (they must not block).
     */
    public SipServer(SipServerConfig config, SipAccounts accounts, BindingStore bindings, Clock clock,
            DialogTable.Listener dialogListener, SipAuthListener authListener) {
        this.layer = new TransactionLayer(config.timers());
        this.dialogs = new DialogTable(clock, config.dialogLimits(), dialogListener);
        this.transport = new SipTransport(config.transport(), layer);
        this.locations = new LocationService(bindings, clock);
        this.guard = new SipAuthGuard(config.authPolicy(), clock, authListener);
        SipDigestAuth auth = new SipDigestAuth(config.registrar().realm(), accounts, clock, config.challengeAlgorithms(),
                guard);
        ServedDomains served = ServedDomains.of(config.registrar().realm(), config.transport().bindAddress());
        this.registrar = new Registrar(config.registrar(), served, auth, locations, clock);
        this.proxy = new Proxy(layer, transport, locations, accounts, auth, dialogs);
        transport.setFlowInUse(remote -> locations.hasFlow(SipTransport.format(remote)));
        layer.setUser(this);
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
        transport.start();
        scheduleDialogSweep();
    }

    private void scheduleDialogSweep() {
        try {
            transport.scheduler().schedule(DIALOG_SWEEP, () -> {
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
        var beat = new CompletableFuture<Void>();
        try {
            transport.execute(() -> beat.complete(null));
            beat.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException | ExecutionException
                | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Live server and client transactions, for metrics. */
    public int[] transactionCounts() {
        return layer.sizes();
    }

    /** The calls being routed (live dialogs). */
    public DialogTable dialogs() {
        return dialogs;
    }

    public int port() {
        return transport.port();
    }

    /** Digest lockout and flood ban, with their counters for metrics. */
    public SipAuthGuard authGuard() {
        return guard;
    }

    public LocationService locations() {
        return locations;
    }

    public SipTransport transport() {
        return transport;
    }

    @Override
    public void onRequest(SipRequest request, ServerTransactionHandle tx) {
        if (guard.anyBanned() && guard.banned(SipDigestAuth.sourceIp(request))) {
            if (tx != null) {
                tx.drop(); // a flooding source gets nothing, whatever the method (like Kamailio's pike)
            }
            return;
        }
        if (tx == null) {
            proxy.onAck(request); // ACK for a 2xx travels end to end, through us when we Record-Routed
            return;
        }
        if (!SipMessage.SIP_2_0.equals(request.version())) {
            tx.respondStatelessly(Registrar.withToTag(SipResponse.createFor(request, 505, "Version Not Supported")));
            return; // RFC 3261 §8.1.1.1; the decoder lets other versions through so that they get this answer
        }
        if (request.sipRequestUri() == null) {
            tx.respondStatelessly(Registrar.withToTag(SipResponse.createFor(request, 416, "Unsupported URI Scheme")));
            return; // §8.2.2.1: tel: and other schemes are not routed here
        }
        boolean toServer = request.sipRequestUri().user() == null;
        String method = "OPTIONS".equals(request.method()) && !toServer ? "OPTIONS-to-user" : request.method();
        switch (method) {
            case "REGISTER" -> registrar.register(request, tx, source(request, tx), transportOf(request));
            case "OPTIONS" -> {
                SipResponse ok = SipResponse.createFor(request, 200, "OK");
                ok.headers().add("Allow", "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO, MESSAGE");
                tx.respond(Registrar.withToTag(ok));
            }
            default -> proxy.onRequest(request, tx);
        }
    }

    @Override
    public void onCancel(SipRequest cancel, ServerTransactionHandle invite) {
        proxy.onCancel(invite);
    }

    @Override
    public void onStrayResponse(SipResponse response) {
        proxy.onStrayResponse(response);
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
        transport.close();
    }
}
