package org.openvto.app;

import org.openvto.app.supervision.Supervised;
import org.openvto.app.supervision.Supervisor;
import org.openvto.event.EventBus;
import org.openvto.household.Installation;
import org.openvto.household.Service;
import org.openvto.web.HostAddresses;
import org.openvto.web.HttpConfig;
import org.openvto.web.WebServer;
import org.openvto.web.WebServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the running {@link WebServer} and restarts it — not the process — when Network Setting › Basic
 * changes the address or the HTTP port (Quick Start Guide 4.2.3 "the VTO will restart"), and on Local Setting ›
 * System › Reboot even if nothing changed. The restart begins at once on its own thread; the old server's
 * graceful stop lets the saving request finish — its response written — before it closes ({@link
 * WebServer#close}), so the installer always sees the answer. If the new port cannot be bound, the server comes
 * back on the port it had and the failure is logged. Restarts and their serialisation are a {@link
 * Supervisor}'s; this class only builds, starts and stops the web server. Thread-safe.
 */
final class WebSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSupervisor.class);

    private final HttpConfig base;
    private final WebServices services;
    private final Installation installation;
    private final HostAddresses host;
    private final Supervisor supervisor;
    // written only under the supervisor's lock (Supervised's contract), read under it in port()
    private WebServer current;
    private HttpConfig currentConfig;
    private String currentExtra;

    WebSupervisor(HttpConfig base, WebServices services, EventBus bus) {
        this.base = base;
        this.services = services;
        this.installation = services.installation();
        this.host = services.hostAddresses();
        this.supervisor = new Supervisor(new Server(), Service.HTTP, bus, Supervisor.virtualThreads("http-restart"));
    }

    /** Starts the web server; at boot a port that cannot be bound fails the start (the VTO cannot be reached). */
    void start() {
        Supervisor.Status status = supervisor.start();
        if (status.failure().orElse(null) instanceof RuntimeException e) {
            throw e;
        }
    }

    int port() {
        return supervisor.whileSteady(() -> current.port());
    }

    /** The web server as the supervisor sees it. */
    private final class Server implements Supervised {
        @Override
        public String name() {
            return "HTTP service";
        }

        /** On the current settings; after a restart whose port cannot be bound, back on the previous ones. */
        @Override
        public void start() {
            HttpConfig wanted = new HttpConfig(
                    base.bindAddress(), installation.network().current().httpPort(), base.metricsPublic());
            HttpConfig previous = currentConfig;
            if (previous == null) {
                startOn(wanted); // at boot: nothing to fall back on
                return;
            }
            try {
                startOn(wanted);
            } catch (RuntimeException e) {
                LOG.error(
                        "HTTP service could not start on port {}: {}; staying on port {}",
                        wanted.port(),
                        e.getMessage(),
                        previous.port());
                startOn(previous);
            }
        }

        @Override
        public void stop() {
            if (current != null) {
                current.close(); // its requests in flight finish first
                current = null;
            }
        }

        /** The address or the HTTP port differ from what the running server was started on. */
        @Override
        public boolean settingsChanged() {
            if (currentConfig == null) {
                return true; // it never started
            }
            String address = installation.network().current().ipAddress();
            return currentConfig.port() != installation.network().current().httpPort()
                    || host.isLocal(address) != (currentExtra != null)
                    || (currentExtra != null && !currentExtra.equals(address));
        }
    }

    private void startOn(HttpConfig config) {
        String address = installation.network().current().ipAddress();
        WebServer server = new WebServer(config, host.isLocal(address) ? address : null, services);
        server.start();
        current = server;
        currentConfig = config;
        currentExtra = host.isLocal(address) ? address : null;
    }

    @Override
    public void close() {
        supervisor.close();
    }
}
