package org.openvto.app.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.openvto.call.OwnRegistration;
import org.openvto.call.RegistrationChanged;
import org.openvto.event.EventBus;
import org.openvto.household.Installation;
import org.openvto.household.SipDirectory;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.server.SipServer;
import org.openvto.sip.transport.SipHop;
import org.openvto.sip.transport.SipTransport;
import org.openvto.sip.transport.SipTransportKind;
import org.openvto.sip.ua.Registration;
import org.openvto.sip.ua.UserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the VTO's own number registered with the building SIP server while this VTO is that server (Quick Start
 * Guide 4.2.5: "be sure to add the SIP server itself too" — its VTO list entry holds the register password), so that
 * its calls pass the proxy's "caller registered" check and indoor monitors can call it (Monitor › Door). Reports the
 * state as {@link OwnRegistration} and {@link RegistrationChanged} events.
 *
 * <p>Threading: {@link #serverStarted} and {@link #serverStopped} from the SIP supervisor's thread; {@link #current}
 * from any thread. The registration's own work runs on one scheduler thread of this object.
 */
public final class SelfRegistration implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SelfRegistration.class);
    static final Duration EXPIRES = Duration.ofSeconds(3600);

    private final Installation installation;
    private final EventBus bus;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sip-registration");
        t.setDaemon(true);
        return t;
    });
    private Registration registration;
    /** The server registered with and the password used, to notice when the household changes them. */
    private SipServer started;

    private Optional<String> passwordInUse = Optional.empty();
    private volatile OwnRegistration current = OwnRegistration.notApplicable("the SIP server is not running");
    private volatile String server = "";

    public SelfRegistration(Installation installation, EventBus bus, Clock clock) {
        this.installation = installation;
        this.bus = bus;
        this.clock = clock;
    }

    public OwnRegistration current() {
        return current;
    }

    /** Registers with {@code sip}, whose user agent must exist, replacing a registration with an earlier server. */
    public synchronized void serverStarted(SipServer sip, SipDirectory directory) {
        stopRegistration();
        Optional<UserAgent> ua = sip.calls();
        String number = installation.device().current().vtoNumber();
        Optional<String> password = directory.password(number);
        started = sip;
        passwordInUse = password;
        server = self(sip);
        if (ua.isEmpty()) {
            report(OwnRegistration.notApplicable("the SIP server runs without the VTO's user agent"));
            return;
        }
        if (password.isEmpty()) {
            report(new OwnRegistration(
                    OwnRegistration.State.FAILED,
                    "this VTO (" + number + ") is not in the VTO list: add it with a register password (guide 4.2.5)",
                    server,
                    null));
            return;
        }
        String domain = installation.sipServer().current().domain();
        var target = new Registration.Target(
                "sip:" + domain,
                "sip:" + number + "@" + domain,
                ua.get().contact(SipTransportKind.UDP),
                SipHop.of(SipUri.parse("sip:" + server), null, null),
                number,
                password.get(),
                EXPIRES);
        registration = new Registration(sip.userAgent(), target, timer, clock, this::changed);
        registration.start();
    }

    /**
     * The household changed without a SIP restart (the VTO list): registers again when this VTO's register password
     * was added, changed or removed.
     */
    public synchronized void directoryChanged(SipDirectory directory) {
        if (started != null
                && !directory
                        .password(installation.device().current().vtoNumber())
                        .equals(passwordInUse)) {
            serverStarted(started, directory);
        }
    }

    /** The server stopped: its bindings went with it; the next start registers again. */
    public synchronized void serverStopped(String why) {
        started = null;
        stopRegistration();
        report(OwnRegistration.notApplicable(why));
    }

    private void stopRegistration() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
    }

    private void changed(Registration.State s) {
        report(
                switch (s) {
                    case Registration.State.Registering r ->
                        new OwnRegistration(OwnRegistration.State.REGISTERING, "", server, null);
                    case Registration.State.Registered r ->
                        new OwnRegistration(OwnRegistration.State.REGISTERED, "", server, r.until());
                    case Registration.State.Failed f ->
                        new OwnRegistration(OwnRegistration.State.FAILED, f.reason(), server, f.retryAt());
                    case Registration.State.Stopped r -> OwnRegistration.notApplicable("stopped");
                });
    }

    private void report(OwnRegistration next) {
        OwnRegistration before = current;
        current = next;
        if (before.state() != next.state() || !before.reason().equals(next.reason())) {
            if (next.state() == OwnRegistration.State.FAILED) {
                LOG.warn("VTO registration failed: {}", next.reason());
            }
            bus.publish(new RegistrationChanged(next));
        }
    }

    /** The server's own address to send to ({@code 127.0.0.1:5060}): its bind address, loopback for a wildcard. */
    public static String self(SipServer sip) {
        String host = sip.transport().host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = host.contains(":") ? "::1" : "127.0.0.1";
        }
        var address = SipTransport.literalAddress(host, sip.port());
        return SipTransport.format(address);
    }

    @Override
    public synchronized void close() {
        stopRegistration();
        timer.shutdown(); // the un-REGISTER queued by close runs first
    }
}
