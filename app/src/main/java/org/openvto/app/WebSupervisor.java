package org.openvto.app;

import org.openvto.event.EventBus;
import org.openvto.household.ConfigChanged;
import org.openvto.household.Installation;
import org.openvto.household.RebootRequested;
import org.openvto.household.Service;
import org.openvto.web.HostAddresses;
import org.openvto.web.HttpConfig;
import org.openvto.web.WebServer;
import org.openvto.web.WebServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the running {@link WebServer} and restarts it — not the process — when Network Setting › Basic
 * changes the address or the HTTP port (Quick Start Guide 4.2.3 "the VTO will restart"). The restart begins at
 * once on its own thread; the old server's graceful stop lets the saving request finish — its response
 * written — before it closes ({@link WebServer#close}), so the installer always sees the answer. If the new
 * port cannot be bound, the server comes
 * back on the port it had and the failure is logged. Thread-safe.
 */
final class WebSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSupervisor.class);

    private final HttpConfig base;
    private final WebServices services;
    private final Installation installation;
    private final HostAddresses host;
    private final EventBus.Subscription subscription;
    private final EventBus.Subscription rebootSubscription;
    private WebServer current;
    private HttpConfig currentConfig;
    private String currentExtra;
    private boolean closed;

    WebSupervisor(HttpConfig base, WebServices services, EventBus bus) {
        this.base = base;
        this.services = services;
        this.installation = services.installation();
        this.host = services.hostAddresses();
        this.subscription = bus.subscribe(ConfigChanged.class, "config", e -> {
            if (e.restart().contains(Service.HTTP)) {
                Thread.ofVirtual().name("http-restart").start(this::restart);
            }
        });
        this.rebootSubscription = bus.subscribe(
                RebootRequested.class,
                e -> Thread.ofVirtual().name("http-reboot").start(this::reboot));
    }

    synchronized void start() {
        HttpConfig config = new HttpConfig(
                base.bindAddress(), installation.network().current().httpPort(), base.metricsPublic());
        startOn(config);
    }

    synchronized int port() {
        return current.port();
    }

    private void startOn(HttpConfig config) {
        String address = installation.network().current().ipAddress();
        WebServer server = new WebServer(config, host.isLocal(address) ? address : null, services);
        server.start();
        current = server;
        currentConfig = config;
        currentExtra = host.isLocal(address) ? address : null;
    }

    private void restart() {
        synchronized (this) {
            if (closed) {
                return;
            }
            HttpConfig previous = currentConfig;
            String address = installation.network().current().ipAddress();
            if (previous.port() == installation.network().current().httpPort()
                    && host.isLocal(address) == (currentExtra != null)
                    && (currentExtra == null || currentExtra.equals(address))) {
                return;
            }
            replace("to apply the network settings");
        }
    }

    /** Closes the running server (its requests in flight finish first) and starts one on the current settings. */
    private void replace(String why) {
        LOG.info("Restarting the HTTP service {}", why);
        HttpConfig previous = currentConfig;
        current.close();
        try {
            start();
        } catch (RuntimeException e) {
            LOG.error(
                    "HTTP service could not start on port {}: {}; staying on port {}",
                    installation.network().current().httpPort(),
                    e.getMessage(),
                    previous.port());
            startOn(previous);
        }
    }

    /** Local Setting › System › Reboot: a new web server on the current settings, even if nothing changed. */
    private void reboot() {
        // no pause: the graceful stop lets the answering request finish, and the reconnect page's style and script
        // come from the browser's cache (every console page loads them; static files are cacheable for an hour)
        synchronized (this) {
            if (closed) {
                return;
            }
            replace("(reboot)");
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        subscription.close();
        rebootSubscription.close();
        if (current != null) {
            current.close();
        }
    }
}
