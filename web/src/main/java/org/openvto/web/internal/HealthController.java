package org.openvto.web.internal;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openvto.web.WebServices;

/** {@code /healthz} (readiness: storage answers) and {@code /metrics} (Prometheus text format). */
final class HealthController {
    private final WebServices services;
    private final WebAuth webAuth;
    private final String instance;

    HealthController(WebServices services, WebAuth webAuth, String instance) {
        this.services = services;
        this.webAuth = webAuth;
        this.instance = instance;
    }

    void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> {
            boolean db = services.databaseHealthy().getAsBoolean();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", db ? "ok" : "degraded");
            body.put("database", db ? "ok" : "unreachable");
            body.put("initialized", webAuth.initialized());
            body.put("firmwareVersion", services.device().identity().firmwareVersion());
            body.put("instance", instance);
            Json.send(ctx, db ? 200 : 503, body);
        });
        routes.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(services.metrics().scrape()));
    }
}
