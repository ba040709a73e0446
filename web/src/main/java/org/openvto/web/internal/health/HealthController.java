package org.openvto.web.internal.health;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openvto.device.DeviceService;
import org.openvto.web.internal.Json;
import org.openvto.web.internal.WebAuth;

/** {@code /healthz} (readiness: storage answers) and {@code /metrics} (Prometheus text format). */
public final class HealthController {
    private final BooleanSupplier databaseHealthy;
    private final DeviceService device;
    private final PrometheusMeterRegistry metrics;
    private final WebAuth webAuth;
    private final String instance;

    /** @param instance this web server's instance id, by which the reconnect page knows a restarted server */
    public HealthController(
            BooleanSupplier databaseHealthy,
            DeviceService device,
            PrometheusMeterRegistry metrics,
            WebAuth webAuth,
            String instance) {
        this.databaseHealthy = databaseHealthy;
        this.device = device;
        this.metrics = metrics;
        this.webAuth = webAuth;
        this.instance = instance;
    }

    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> {
            boolean db = databaseHealthy.getAsBoolean();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", db ? "ok" : "degraded");
            body.put("database", db ? "ok" : "unreachable");
            body.put("initialized", webAuth.initialized());
            body.put("firmwareVersion", device.identity().firmwareVersion());
            body.put("instance", instance);
            Json.send(ctx, db ? 200 : 503, body);
        });
        routes.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
    }
}
