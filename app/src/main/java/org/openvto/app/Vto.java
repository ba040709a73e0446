package org.openvto.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.openvto.device.DeviceService;
import org.openvto.event.EventBus;
import org.openvto.facade.DeviceModel;
import org.openvto.household.Installation;
import org.openvto.security.AccountService;
import org.openvto.security.AuthService;
import org.openvto.security.PasswordHasher;
import org.openvto.security.SecretCipher;
import org.openvto.security.SecurityEvent;
import org.openvto.security.SecurityLog;
import org.openvto.storage.Database;
import org.openvto.web.HostAddresses;
import org.openvto.web.WebServices;
import org.openvto.web.WebSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every component by hand, starts them in dependency order (data
 * directory → storage → domain → web) and closes them in reverse. No DI container: reading this
 * class tells how the VTO is put together.
 */
final class Vto implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Vto.class);

    /** The domain services over an open data directory and database (shared by {@code run} and {@code init}). */
    record Core(
            DataDirectory dir,
            Database db,
            EventBus bus,
            Clock clock,
            DeviceService device,
            AccountService accounts,
            Installation installation,
            SecretCipher cipher,
            byte[] deviceKey) {
        static Core open(OpenVtoConfig config, Path dataDir, BuildInfo build, Deque<AutoCloseable> stack)
                throws Exception {
            DataDirectory dir = DataDirectory.open(dataDir);
            stack.push(dir);
            LOG.info("Data directory {}", dir.path());
            byte[] key = dir.deviceKey();
            Database db = Database.open(config.storage(), dir.path());
            stack.push(db);
            LOG.info("Storage {} (schema version {})", db.description(), db.schemaVersion());
            EventBus bus = new EventBus();
            Clock clock = Clock.systemUTC();
            stack.push(new SecurityLog(bus, db.securityLog(), clock));
            SecretCipher cipher = new SecretCipher(key);
            DeviceService device =
                    new DeviceService(db.settings(cipher), config.device(), build.version(), build.date());
            AccountService accounts = new AccountService(
                    db.accounts(), PasswordHasher.argon2id(), cipher, bus, clock, device.digestRealm());
            Installation installation = Installation.open(
                    db.settings(cipher),
                    db.household(cipher),
                    bus,
                    config.device().defaultName(),
                    config.network(),
                    config.http().port(),
                    DeviceModel.parse(config.device().model()).orElse(DeviceModel.VTO4202F_P),
                    config.video().allowCommands());
            return new Core(dir, db, bus, clock, device, accounts, installation, cipher, key);
        }
    }

    private final Deque<AutoCloseable> stack;
    private final WebSupervisor web;

    private Vto(Deque<AutoCloseable> stack, WebSupervisor web) {
        this.stack = stack;
        this.web = web;
    }

    static Vto start(OpenVtoConfig config, Path dataDir, BuildInfo build) throws Exception {
        long started = System.nanoTime();
        Deque<AutoCloseable> stack = new ArrayDeque<>();
        try {
            Core core = Core.open(config, dataDir, build, stack);
            AuthService auth = new AuthService(
                    core.accounts(), core.db().loginLocks(), core.bus(), core.clock(), config.security());
            PrometheusMeterRegistry metrics = metrics(core.bus());
            stack.push(metrics::close);
            SipSupervisor sip = new SipSupervisor(
                    core.installation(),
                    config.sip(),
                    config.http().bindAddress(),
                    core.db().sipBindings(),
                    core.clock(),
                    core.bus(),
                    core.dir().path());
            stack.push(sip);
            sip.startAtBoot();
            sip.bindMetrics(metrics);
            FacadeWiring facade = new FacadeWiring(
                    core.installation().facade(),
                    core.installation().rooms(),
                    core.installation().access(),
                    core.bus(),
                    core.clock(),
                    config.hardware());
            stack.push(facade);
            AccessWiring access = new AccessWiring(
                    core.db(),
                    core.cipher(),
                    core.deviceKey(),
                    core.installation(),
                    facade,
                    config.centre()
                            .destinations(
                                    sip::server,
                                    org.openvto.app.centre.SipCentreDestination.vtoAddress(core.installation()),
                                    hostname(),
                                    core.clock()),
                    config.centre().maxBackOff(),
                    core.bus(),
                    core.clock(),
                    metrics);
            stack.push(access);
            org.openvto.app.video.VideoWiring video = new org.openvto.app.video.VideoWiring(
                    core.device(),
                    core.installation(),
                    config.http().bindAddress(),
                    config.rtsp(),
                    config.video(),
                    core.accounts(),
                    auth,
                    config.security(),
                    core.bus(),
                    core.clock());
            stack.push(video);
            video.start();
            video.bindMetrics(metrics);
            org.openvto.app.calls.CallsWiring calls = new org.openvto.app.calls.CallsWiring(
                    config.call(),
                    core.installation(),
                    sip.forCalls(),
                    new org.openvto.app.calls.CallsWiring.Sources(
                            () -> video.stream(config.call().videoStream()), video::microphone, video.slots()),
                    config.http().bindAddress(),
                    facade.outputs(),
                    facade::message,
                    credential -> access.services().access().unlock(credential),
                    core.db().callRecords(),
                    core.db().callSnapshots(),
                    () -> video.snapshot(org.openvto.media.video.StreamKind.MAIN),
                    core.bus(),
                    core.clock());
            stack.push(calls);
            WebServices services = new WebServices(
                    core.bus(),
                    core.device(),
                    core.accounts(),
                    auth,
                    core.db().securityLog(),
                    config.security(),
                    metrics,
                    core.db()::healthy,
                    core.clock(),
                    core.installation(),
                    sip,
                    new WebSessions(core.clock(), config.security().sessionIdleTimeout()),
                    HostAddresses.system(),
                    facade.control(),
                    access.services(),
                    video.camera());
            WebSupervisor web = new WebSupervisor(config.http(), services, core.bus());
            stack.push(web);
            web.start();
            var id = core.device().identity();
            LOG.info(
                    "OpenVTO {} {} serial {} VTO No. {} ready in {} ms{}",
                    id.firmwareVersion(),
                    id.model(),
                    id.serialNumber(),
                    id.vtoNumber(),
                    (System.nanoTime() - started) / 1_000_000,
                    core.accounts().initialized() ? "" : " — not initialized: open the console to run Device Init");
            return new Vto(stack, web);
        } catch (Exception | Error e) {
            closeAll(stack);
            throw e;
        }
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "openvto";
        }
    }

    int httpPort() {
        return web.port();
    }

    private static PrometheusMeterRegistry metrics(EventBus bus) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "openvto");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        bus.subscribe(
                SecurityEvent.class,
                "security/login",
                e -> Counter.builder("openvto.login.attempts")
                        .description("Login and API authentication attempts by outcome")
                        .tag("outcome", e.topic().substring("security/login/".length()))
                        .register(registry)
                        .increment());
        return registry;
    }

    @Override
    public void close() {
        closeAll(stack);
        LOG.info("OpenVTO stopped");
    }

    /** Closes everything on {@code stack}, newest first; a failure is logged and the rest still close. */
    static void closeAll(Deque<AutoCloseable> stack) {
        while (!stack.isEmpty()) {
            AutoCloseable c = stack.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", c.getClass().getSimpleName(), e);
            }
        }
    }
}
