package org.openvto.web.internal.alarms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.openvto.alarm.Alarm;
import org.openvto.alarm.AlarmService;
import org.openvto.validation.Result;
import org.openvto.web.internal.AlarmJson;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;
import org.openvto.web.internal.WebAuth;

/**
 * {@code GET /api/v1/alarms}: the active alarms, newest first; {@code POST /api/v1/alarms/{id}/acknowledge}: the
 * operator acknowledges one (recorded with their user name); 404 for an unknown alarm, 409 when it is already
 * acknowledged.
 */
public final class AlarmsApi {
    private final AlarmService alarms;

    public AlarmsApi(AlarmService alarms) {
        this.alarms = alarms;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/alarms", ctx -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode list = out.putArray("alarms");
            alarms.active().forEach(a -> list.add(AlarmJson.json(a)));
            Json.send(ctx, 200, out);
        });
        routes.post("/api/v1/alarms/{id}/acknowledge", this::acknowledge);
    }

    private void acknowledge(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")
                || alarms.store().get(Long.parseLong(raw)).isEmpty()) {
            ApiResults.notFound(ctx, "alarm " + raw);
            return;
        }
        String user = ctx.attribute(WebAuth.USER);
        switch (alarms.acknowledge(Long.parseLong(raw), user == null ? "api" : user)) {
            case Result.Applied<Alarm> a -> Json.send(ctx, 200, AlarmJson.json(a.value()));
            case Result.Rejected<Alarm> r ->
                Json.send(
                        ctx,
                        409,
                        Json.MAPPER
                                .createObjectNode()
                                .put("error", r.errors().getFirst().message()));
        }
    }
}
