package org.openvto.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import org.openvto.web.internal.WebRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener of the VTO: web console, REST API, health and metrics, on Javalin (Jetty 12)
 * with virtual threads. Binds only to {@link HttpConfig#bindAddress()}. Not restartable: build a
 * new one to change the port.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String STARTED_AT = "openvto.startNanos";
    /** How long {@link #close} waits for requests in flight. */
    private static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(5);

    private final Javalin app;
    private final WebRoutes routes;
    private final HttpConfig config;
    private final String extraAddress;

    /**
     * @param extraAddress a second address to listen on as well (the TCP/IP page's address when this host
     *                     has it), or {@code null}
     */
    public WebServer(HttpConfig config, String extraAddress, WebServices services) {
        this.config = config;
        this.extraAddress = extraAddress;
        this.routes = new WebRoutes(config, services);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.concurrency.useVirtualThreads = true;
            c.jetty.host = config.bindAddress();
            c.jetty.port = config.port();
            c.http.maxRequestSize = 8 * 1024 * 1024;
            // close() lets requests in flight finish (their responses written) before the connectors go: a
            // settings change that moves the console answers the saving request first, then restarts
            c.jetty.modifyServer(server -> server.setStopTimeout(STOP_GRACE.toMillis()));
            c.jetty.modifyServletContextHandler(
                    handler -> handler.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler()));
            if (extraAddress != null && !extraAddress.equals(config.bindAddress())) {
                c.jetty.addConnector((server, httpConfiguration) -> {
                    var connector = new org.eclipse.jetty.server.ServerConnector(
                            server, new org.eclipse.jetty.server.HttpConnectionFactory(httpConfiguration));
                    connector.setHost(extraAddress);
                    connector.setPort(config.port());
                    return connector;
                });
            }
            c.routes.before(ctx -> {
                ctx.attribute(STARTED_AT, System.nanoTime());
                securityHeaders(ctx);
            });
            c.routes.after(ctx -> record(services, ctx));
            routes.register(c.routes);
        });
    }

    /** Starts listening; throws if the address or port cannot be bound. */
    public void start() {
        app.start();
        LOG.info(
                "HTTP console and API listening on http://{}:{}/{}",
                hostForUrl(),
                app.port(),
                extraAddress == null ? "" : " and http://" + extraAddress + ":" + app.port() + "/");
    }

    /** The bound port (differs from the configured one only when that was 0 in tests). */
    public int port() {
        return app.port();
    }

    /**
     * Stops listening at once, lets the requests in flight complete (at most 5 s), then stops. May be called
     * from a request's own subscriber thread, never from the request thread itself (it would wait for itself).
     */
    @Override
    public void close() {
        routes.closeStreams();
        app.stop();
    }

    private String hostForUrl() {
        return config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    }

    private static void record(WebServices services, Context ctx) {
        Long start = ctx.attribute(STARTED_AT);
        if (start == null) {
            return;
        }
        int status = ctx.status().getCode();
        Timer.builder("http.server.requests")
                .description("HTTP requests served")
                .tags(
                        "method",
                        ctx.method().name(),
                        "status",
                        String.valueOf(status),
                        "outcome",
                        status < 400 ? "SUCCESS" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR")
                .register(services.metrics())
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
