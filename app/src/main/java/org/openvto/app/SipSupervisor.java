package org.openvto.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.openvto.app.supervision.Supervised;
import org.openvto.app.supervision.Supervisor;
import org.openvto.device.SystemType;
import org.openvto.event.EventBus;
import org.openvto.household.ConfigChanged;
import org.openvto.household.Installation;
import org.openvto.household.RegistrationStatus;
import org.openvto.household.Service;
import org.openvto.household.SipDirectory;
import org.openvto.sip.codec.SipLimits;
import org.openvto.sip.proxy.TargetResolver;
import org.openvto.sip.registrar.BindingStore;
import org.openvto.sip.registrar.SipAccounts;
import org.openvto.sip.registrar.WriteBehindBindingStore;
import org.openvto.sip.server.SipConfig;
import org.openvto.sip.server.SipServer;
import org.openvto.sip.server.SipServerConfig;
import org.openvto.sip.transport.SipTransportConfig;
import org.openvto.tls.TlsIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the building SIP server while the installer has made this VTO the SIP server (Quick Start Guide
 * 4.2.4) and the System Type is TCP/IP, and restarts it — not the process — when the SIP server, network
 * or device settings change. Its accounts are the household's rooms ({@code 101#0}) and VTOs, with their register
 * passwords. Also answers the console's registration-status questions. Start, restart on events and the
 * watchdog are a {@link Supervisor}'s; this class only builds, starts and stops the SIP server. Thread-safe.
 */
final class SipSupervisor implements RegistrationStatus, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipSupervisor.class);
    static final Duration WATCHDOG_PERIOD = Duration.ofSeconds(5);
    static final Duration WATCHDOG_TIMEOUT = Duration.ofSeconds(10);

    private final Installation installation;
    private final java.nio.file.Path dataDir;
    private final String bindAddress;
    private final BindingStore bindings;
    private final Clock clock;
    private final SipConfig config;
    private final EventBus bus;
    private final EventBus.Subscription householdSubscription;
    private volatile SipServer server;
    private volatile WriteBehindBindingStore writer;
    /** Accounts and numbering plan, rebuilt when the household changes; REGISTER never touches the database. */
    private volatile SipDirectory directory = SipDirectory.ofAccounts(Map.of());

    private final Object directoryLock = new Object();
    private final ScheduledExecutorService watchdog;
    private final SipSecurityEvents securityEvents;
    private final Server service = new Server();
    private final Supervisor supervisor;
    /** Read by {@link Server#start} under the supervisor's lock, set in {@link #startAtBoot} under it too. */
    private boolean booting;

    private final org.openvto.app.calls.SelfRegistration selfRegistration;
    /** Gets the calls to the VTO's own number; set by the composition root before the server starts. */
    private volatile org.openvto.sip.ua.UserAgent.Listener calls =
            call -> call.reject(480, "the door station is starting");

    /** The running server's figures, continued across restarts. */
    private final SipMetrics metrics = new SipMetrics(() -> server);

    SipSupervisor(
            Installation installation,
            SipConfig config,
            String bindAddress,
            BindingStore bindings,
            Clock clock,
            EventBus bus,
            java.nio.file.Path dataDir) {
        this.dataDir = dataDir;
        this.config = config;
        this.bus = bus;
        this.installation = installation;
        this.bindAddress = bindAddress;
        this.bindings = bindings;
        this.clock = clock;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.securityEvents = new SipSecurityEvents(bus);
        this.selfRegistration = new org.openvto.app.calls.SelfRegistration(installation, bus, clock);
        this.supervisor = new Supervisor(service, Service.SIP, bus, Supervisor.virtualThreads("sip-restart"));
        supervisor.watch(watchdog, WATCHDOG_PERIOD);
        // a household change that does not restart the SIP server still changes its accounts and numbering plan
        this.householdSubscription = bus.subscribe(ConfigChanged.class, "config", e -> {
            if (!e.restart().contains(Service.SIP) && e.area().equals("household")) {
                reloadDirectory();
            }
        });
    }

    /** At boot (called by {@code Vto}): the SIP server starts warmed up, see {@link SipServer#warmUpOnce}. */
    void startAtBoot() {
        supervisor.whileSteady(() -> {
            booting = true;
            try {
                return supervisor.start();
            } finally {
                booting = false;
            }
        });
    }

    void start() {
        supervisor.start();
    }

    /** The SIP server as the supervisor sees it: switched off by the installer's settings, started, stopped. */
    private final class Server implements Supervised {
        @Override
        public String name() {
            return "SIP server";
        }

        @Override
        public Optional<String> whyOff() {
            if (!installation.sipServer().current().thisVtoIsServer()) {
                return Optional.of("this VTO is not the SIP server (Network Setting › SIP Server)");
            }
            if (installation.device().current().systemType() == SystemType.ANALOG) {
                return Optional.of("System Type is Analog: the VTO does not connect to indoor monitors");
            }
            return Optional.empty();
        }

        @Override
        public void start() throws InterruptedException {
            startServer();
        }

        @Override
        public void stop() {
            stopServer();
        }

        /**
         * If the SIP thread has not run a task within {@link #WATCHDOG_TIMEOUT} (it died of an Error, or hangs),
         * the SIP server restarts — devices re-register within their expiry and the bindings come back from the
         * database meanwhile.
         */
        @Override
        public boolean alive() {
            SipServer s = server;
            if (s == null || s.responsive(WATCHDOG_TIMEOUT)) {
                return true;
            }
            LOG.error("SIP server thread did not respond within {} s", WATCHDOG_TIMEOUT.toSeconds());
            return false;
        }

        @Override
        public String failureReason(Exception failure) {
            return "the SIP port " + installation.network().current().sipPort() + " could not be opened: "
                    + failure.getMessage();
        }
    }

    private void startServer() throws InterruptedException {
        var sip = installation.sipServer().current();
        reloadDirectory();
        SipAccounts lookup = user -> directory.password(user);
        TargetResolver targets = user -> directory.reach(user); // the household's numbering plan
        WriteBehindBindingStore store = new WriteBehindBindingStore(bindings, Duration.ofMillis(500));
        int sipPort = installation.network().current().sipPort();
        SipTransportConfig.Tls tls;
        try {
            // <data-dir>/sip-tls.p12 + sip-tls.pass: the certificate names every address SIP is served on
            var identity = new TlsIdentity(dataDir, "sip-tls", "sip", clock)
                    .load(
                            "OpenVTO " + installation.device().current().vtoNumber(),
                            TlsIdentity.names(java.util.List.of(
                                    bindAddress,
                                    installation.network().current().ipAddress())));
            tls = new SipTransportConfig.Tls(sipPort + 1, identity.keyStore(), identity.password());
        } catch (java.io.IOException e) {
            LOG.warn("SIP over TLS off: {}", e.getMessage());
            tls = null;
        }
        SipServerConfig serverConfig = new SipServerConfig(
                new SipTransportConfig(bindAddress, sipPort, SipLimits.DEFAULT, tls, config.connections()),
                config.timers(),
                config.registrar(sip.domain()),
                config.digestAlgorithms(),
                config.dialogLimits(),
                config.authPolicy(),
                config.warmupRegistrations());
        var identity = new org.openvto.sip.ua.UserAgent.Identity(
                installation.device().current().vtoNumber(),
                sip.domain(),
                "OpenVTO " + BuildInfo.load().version(),
                from -> false); // calls reach the VTO through its own proxy only (SipServer trusts its address)
        SipServer s = new SipServer(
                serverConfig,
                lookup,
                targets,
                store,
                clock,
                new CallEvents(bus),
                securityEvents,
                new SipServer.Calls(identity, call -> calls.incoming(call)));
        writer = store;
        if (booting) {
            SipServer.warmUpOnce(serverConfig); // a power cut: the monitors arrive as soon as the ports open
        } else {
            // enabled later from the console: nobody is waiting yet, so warm up beside the running server instead
            // of delaying it (settings changes restart the SIP server in a second, as before)
            Thread.ofVirtual().name("sip-warmup").start(() -> SipServer.warmUpOnce(serverConfig));
        }
        server = s; // before start: it serves (and counts) from its first bound socket on, metrics must see that
        try {
            s.start();
        } catch (InterruptedException | RuntimeException e) {
            server = null;
            s.close();
            throw e;
        }
        selfRegistration.serverStarted(s, directory);
    }

    /** Who gets the calls to the VTO's number (an indoor monitor watching the door), from the next call on. */
    void calls(org.openvto.sip.ua.UserAgent.Listener listener) {
        this.calls = listener;
    }

    /** What the VTO's calls need of the SIP server (see {@link org.openvto.app.calls.CallsWiring.Sip}). */
    org.openvto.app.calls.CallsWiring.Sip forCalls() {
        return new org.openvto.app.calls.CallsWiring.Sip() {
            @Override
            public Optional<org.openvto.sip.ua.UserAgent> userAgent() {
                return SipSupervisor.this.userAgent();
            }

            @Override
            public String serverAddress() {
                SipServer s = server;
                return s == null ? "" : org.openvto.app.calls.SelfRegistration.self(s);
            }

            @Override
            public String device(String contact) {
                SipServer s = server;
                var uri = org.openvto.sip.codec.SipUri.parse(contact);
                if (s == null || uri == null) {
                    return contact;
                }
                var b = s.locations().findByContact(uri);
                return b == null ? contact : b.user();
            }

            @Override
            public Optional<String> password() {
                return directory.password(installation.device().current().vtoNumber());
            }

            @Override
            public void listen(org.openvto.sip.ua.UserAgent.Listener listener) {
                calls(listener);
            }

            @Override
            public org.openvto.call.CallTargets targets() {
                return number -> {
                    List<String> reach = directory.reach(number);
                    if (reach.isEmpty()) {
                        return Optional.empty();
                    }
                    if (!reach.equals(List.of(number))) {
                        return Optional.of(org.openvto.call.CallTargets.Kind.ROOM);
                    }
                    boolean vto = number.indexOf('#') < 0
                            && !number.equals(installation.device().current().vtoNumber())
                            && installation.vtos().find(number).isPresent();
                    return vto ? Optional.of(org.openvto.call.CallTargets.Kind.VTO) : Optional.empty();
                };
            }
        };
    }

    /** The VTO's own user agent while the server runs. */
    Optional<org.openvto.sip.ua.UserAgent> userAgent() {
        SipServer s = server;
        return s == null ? Optional.empty() : s.calls();
    }

    /** How often the watchdog restarted a dead or stuck SIP server since start-up. */
    int watchdogRestarts() {
        return supervisor.watchdogRestarts();
    }

    /** Calls being routed now (ringing or answered); 0 while the SIP server is off. */
    int activeCalls() {
        SipServer s = server;
        return s == null ? 0 : s.dialogs().size();
    }

    /** The SIP server's figures on {@code registry} (see {@link SipMetrics}). */
    void bindMetrics(MeterRegistry registry) {
        metrics.bind(registry, this::activeCalls, securityEvents::dropped, this::watchdogRestarts);
    }

    private void stopServer() {
        selfRegistration.serverStopped(service.whyOff().orElse("the SIP server is restarting"));
        SipServer s;
        synchronized (metrics) { // the old server's counts carry over in the same step that removes it
            s = server;
            server = null;
            metrics.carryOver(s);
        }
        if (s != null) {
            s.close();
        }
        WriteBehindBindingStore w = writer;
        writer = null;
        if (w != null) {
            w.close();
        }
    }

    /**
     * Reads the household's accounts and numbering plan. Serialised: a restart's read and a household change's
     * read must not overlap, or the older snapshot (read before a room was added) could be stored last and
     * the new room refused until the next change.
     */
    private void reloadDirectory() {
        synchronized (directoryLock) {
            directory = SipDirectory.of(installation);
        }
        if (server != null) {
            selfRegistration.directoryChanged(directory);
        }
    }

    int port() {
        SipServer s = server;
        return s == null ? -1 : s.port();
    }

    /**
     * The SIP server while it runs, empty while it is off or being restarted: for the centre's SIP destination,
     * which looks up the centre's registration and sends through its user agent at each attempt. Any thread.
     */
    Optional<SipServer> server() {
        return Optional.ofNullable(server);
    }

    /**
     * The saved settings decide at once: a server the installer has just switched off stops on another thread a
     * moment later, and until then the console must already say why nothing registers, not show it running.
     */
    @Override
    public Optional<Registration> lookup(String user) {
        SipServer s = server;
        if (s == null || service.whyOff().isPresent()) {
            return Optional.empty();
        }
        return s.locations().lookup(user).stream()
                .findFirst()
                .map(b -> new Registration(b.source() + " (" + b.transport() + ")", nz(b.userAgent()), b.expiresAt()));
    }

    @Override
    public Optional<String> unavailableReason() {
        Optional<String> off = service.whyOff();
        if (off.isPresent()) {
            return off;
        }
        return server == null ? Optional.of(supervisor.status().reason()) : Optional.empty();
    }

    @Override
    public org.openvto.call.OwnRegistration own() {
        Optional<String> off = service.whyOff();
        return off.isPresent() ? org.openvto.call.OwnRegistration.notApplicable(off.get()) : selfRegistration.current();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        householdSubscription.close();
        supervisor.close();
        selfRegistration.close();
        watchdog.shutdownNow();
        securityEvents.close();
    }
}
