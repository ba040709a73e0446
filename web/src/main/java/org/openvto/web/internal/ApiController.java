package org.openvto.web.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openvto.security.AccountService;
import org.openvto.security.AccountService.ChangeResult;
import org.openvto.security.SecurityLogStore;
import org.openvto.web.WebServices;

/** The REST API under {@code /api/v1}, described by {@code /api/v1/openapi.json}. */
final class ApiController {
    private final WebServices services;
    private final WebAuth webAuth;
    private final byte[] openApi;

    ApiController(WebServices services, WebAuth webAuth) {
        this.services = services;
        this.webAuth = webAuth;
        try (InputStream in = ApiController.class.getResourceAsStream("/openapi.json")) {
            this.openApi = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.json missing from the build", e);
        }
    }

    void register(RoutesConfig routes) {
        routes.get(
                "/api/v1/openapi.json",
                ctx -> ctx.contentType("application/json").result(openApi));
        routes.get("/api/v1/device", this::device);
        routes.get("/api/v1/security-log", this::securityLog);
        routes.put("/api/v1/account/password", this::changePassword);
        routes.post("/api/v1/system/reboot", this::reboot);
    }

    private void device(Context ctx) {
        var d = services.device().identity();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", d.model());
        body.put("serialNumber", d.serialNumber());
        body.put("vtoNumber", d.vtoNumber());
        body.put("deviceName", d.deviceName());
        body.put("firmwareVersion", d.firmwareVersion());
        body.put("buildDate", d.buildDate());
        body.put("initialized", webAuth.initialized());
        Json.send(ctx, 200, body);
    }

    private void securityLog(Context ctx) {
        int offset = boundedInt(ctx.queryParam("offset"), 0, 0, Integer.MAX_VALUE, "offset");
        int limit = boundedInt(ctx.queryParam("limit"), 100, 1, 1000, "limit");
        LogQuery.Parsed q =
                LogQuery.parse(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("type"), services.zone());
        if (!q.errors().isEmpty()) {
            Json.invalid(ctx, q.errors());
            return;
        }
        SecurityLogStore log = services.securityLog();
        Json.send(ctx, 200, Map.of("total", log.count(q.filter()), "entries", log.newest(q.filter(), offset, limit)));
    }

    /** 202 first: the restart runs on its own thread and the graceful stop lets this answer go out. */
    private void reboot(Context ctx) {
        Json.send(ctx, 202, Map.of("status", "restarting", "health", "/healthz"));
        services.installation().requestReboot();
    }

    private void changePassword(Context ctx) {
        var body = Json.body(ctx);
        String user = ctx.attribute(WebAuth.USER);
        String password = Json.text(body, "password");
        String confirm = body.has("confirm") ? Json.text(body, "confirm") : password;
        AccountService accounts = services.accounts();
        switch (accounts.changePassword(user, Json.text(body, "oldPassword"), password, confirm, ctx.ip())) {
            case ChangeResult.Changed c -> ctx.status(204);
            case ChangeResult.Rejected r -> Json.invalid(ctx, r.errors());
        }
    }

    private static int boundedInt(String raw, int fallback, int min, int max, String name) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Halt(c -> Json.error(c, 400, name + " must be an integer between " + min + " and " + max));
    }
}
