package org.openvto.web.internal.securitylog;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Map;
import org.openvto.security.SecurityLogStore;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;

/** {@code GET /api/v1/security-log?from&to&type&offset&limit}: the security log, newest first. */
public final class SecurityLogApi {
    private final SecurityLogStore log;
    private final ZoneId zone;

    public SecurityLogApi(SecurityLogStore log, ZoneId zone) {
        this.log = log;
        this.zone = zone;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/security-log", this::list);
    }

    private void list(Context ctx) {
        int offset = ApiResults.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = ApiResults.intParam(ctx, "limit", 100, 1, 1000);
        LogQuery.Parsed q = LogQuery.parse(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("type"), zone);
        if (!q.errors().isEmpty()) {
            Json.invalid(ctx, q.errors());
            return;
        }
        Json.send(ctx, 200, Map.of("total", log.count(q.filter()), "entries", log.newest(q.filter(), offset, limit)));
    }
}
