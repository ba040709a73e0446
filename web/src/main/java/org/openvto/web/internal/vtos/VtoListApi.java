package org.openvto.web.internal.vtos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.openvto.backup.ConfigurationFile;
import org.openvto.household.RegisterPasswords;
import org.openvto.household.VtoEntry;
import org.openvto.household.VtoListService;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;
import org.openvto.web.internal.Registrations;

/** {@code /api/v1/vtos}: VTO No. Management with each VTO's registration status. */
public final class VtoListApi {
    private final VtoListService vtos;
    private final Registrations registrations;

    public VtoListApi(VtoListService vtos, Registrations registrations) {
        this.vtos = vtos;
        this.registrations = registrations;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/vtos", ctx -> Json.send(ctx, 200, listJson()));
        routes.post("/api/v1/vtos", this::add);
        routes.get(
                "/api/v1/vtos/{recNo}",
                ctx -> vtos.find(ctx.pathParam("recNo"))
                        .ifPresentOrElse(
                                v -> Json.send(ctx, 200, ConfigurationFile.vto(v, false)),
                                () -> ApiResults.notFound(ctx, "VTO " + ctx.pathParam("recNo"))));
        routes.put("/api/v1/vtos/{recNo}", this::update);
        routes.delete(
                "/api/v1/vtos/{recNo}",
                ctx -> ApiResults.applyFound(
                        ctx,
                        vtos.find(ctx.pathParam("recNo")).isPresent(),
                        () -> vtos.delete(ctx.pathParam("recNo")),
                        Optional.empty()));
    }

    private void add(Context ctx) {
        ObjectNode body = Json.body(ctx);
        if (!body.hasNonNull("registerPassword")) {
            body.put("registerPassword", RegisterPasswords.newPassword());
        }
        VtoEntry entry = ConfigurationFile.vto(body, ApiResults.reader(ctx));
        ApiResults.created(
                ctx,
                () -> vtos.add(entry),
                () -> ConfigurationFile.vto(vtos.find(entry.recNo()).orElseThrow(), false));
    }

    private void update(Context ctx) {
        String recNo = ctx.pathParam("recNo");
        ObjectNode body = Json.body(ctx);
        body.put("recNo", recNo);
        VtoEntry entry = ConfigurationFile.vto(body, ApiResults.reader(ctx));
        ApiResults.applyFound(
                ctx,
                vtos.find(recNo).isPresent(),
                () -> vtos.update(recNo, entry),
                Optional.of(() -> ConfigurationFile.vto(vtos.find(recNo).orElseThrow(), false)));
    }

    private ObjectNode listJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        ArrayNode list = n.putArray("vtos");
        vtos.list().forEach(v -> {
            ObjectNode item = ConfigurationFile.vto(v, false);
            registrations.put(item, v.recNo());
            list.add(item);
        });
        vtos.warning().ifPresent(w -> n.put("warning", w));
        return n;
    }
}
