package org.openvto.web.internal.rooms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvto.backup.ConfigurationFile;
import org.openvto.backup.ConfigurationFile.Reader;
import org.openvto.household.BatchSpec;
import org.openvto.household.DevicePropertiesService;
import org.openvto.household.RegisterPasswords;
import org.openvto.household.RoomDevice;
import org.openvto.household.RoomListService;
import org.openvto.household.RoomNumber;
import org.openvto.validation.FieldError;
import org.openvto.validation.Result;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Halt;
import org.openvto.web.internal.Json;
import org.openvto.web.internal.Registrations;

/** {@code /api/v1/rooms}: Room No. Management, paged and searchable, with Clear and Add in Batch. */
public final class RoomListApi {
    private final RoomListService rooms;
    private final DevicePropertiesService device;
    private final Registrations registrations;

    public RoomListApi(RoomListService rooms, DevicePropertiesService device, Registrations registrations) {
        this.rooms = rooms;
        this.device = device;
        this.registrations = registrations;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/rooms", this::list);
        routes.post("/api/v1/rooms", this::add);
        routes.delete("/api/v1/rooms", this::clear);
        routes.post("/api/v1/rooms/batch", this::batch);
        routes.get(
                "/api/v1/rooms/{roomNo}",
                ctx -> room(ctx)
                        .flatMap(rooms::find)
                        .ifPresentOrElse(
                                r -> Json.send(ctx, 200, json(r)),
                                () -> ApiResults.notFound(ctx, "room " + ctx.pathParam("roomNo"))));
        routes.put("/api/v1/rooms/{roomNo}", this::update);
        routes.delete("/api/v1/rooms/{roomNo}", ctx -> {
            RoomNumber number = room(ctx).orElse(null);
            ApiResults.applyFound(ctx, exists(number), () -> rooms.delete(number), Optional.empty());
        });
    }

    private void add(Context ctx) {
        ObjectNode body = Json.body(ctx);
        if (!body.hasNonNull("registerPassword")) {
            body.put("registerPassword", RegisterPasswords.newPassword());
        }
        RoomDevice r = ConfigurationFile.room(body, ApiResults.reader(ctx));
        ApiResults.created(
                ctx, () -> rooms.add(r), () -> json(rooms.find(r.number()).orElseThrow()));
    }

    private void update(Context ctx) {
        RoomNumber number = room(ctx).orElse(null);
        ObjectNode body = Json.body(ctx);
        body.put("roomNo", ctx.pathParam("roomNo"));
        RoomDevice r = ConfigurationFile.room(body, ApiResults.reader(ctx));
        ApiResults.applyFound(
                ctx,
                exists(number),
                () -> rooms.update(number, r),
                Optional.of(() -> json(rooms.find(number).orElseThrow())));
    }

    private void list(Context ctx) {
        int offset = ApiResults.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = ApiResults.intParam(ctx, "limit", 50, 1, 1000);
        String search = ctx.queryParam("search") == null ? "" : ctx.queryParam("search");
        if (search.length() > 32) {
            throw new Halt(c -> Json.error(c, 400, "search must be at most 32 characters"));
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("total", rooms.count(search));
        ArrayNode list = out.putArray("rooms");
        rooms.page(search, offset, limit).forEach(r -> list.add(json(r)));
        device.connectionProblem().ifPresent(p -> out.put("connectionProblem", p));
        registrations.unavailableReason().ifPresent(p -> out.put("statusUnavailable", p));
        Json.send(ctx, 200, out);
    }

    private void clear(Context ctx) {
        if (!"true".equals(ctx.queryParam("confirm"))) {
            Json.invalid(
                    ctx,
                    List.of(new FieldError(
                            "confirm", "Clear deletes every room: repeat the request with ?confirm=true")));
            return;
        }
        Json.send(ctx, 200, Map.of("deleted", rooms.clear()));
    }

    private void batch(Context ctx) {
        ObjectNode body = Json.body(ctx);
        Reader r = ApiResults.reader(ctx);
        BatchSpec spec = new BatchSpec(
                r.integer(body, "layers", 0),
                r.integer(body, "roomsPerLayer", 0),
                longField(body, "firstFloorNo"),
                longField(body, "secondFloorNo"));
        if (ApiResults.rejectedTypes(ctx)) {
            return;
        }
        switch (rooms.addBatch(spec, n -> {})) {
            case Result.Rejected<RoomListService.BatchOutcome> rej -> Json.invalid(ctx, rej.errors());
            case Result.Applied<RoomListService.BatchOutcome> ok ->
                Json.send(
                        ctx,
                        201,
                        Map.of(
                                "created", ok.value().created(),
                                "alreadyExisted", ok.value().alreadyExisted()));
        }
    }

    private ObjectNode json(RoomDevice r) {
        ObjectNode n = ConfigurationFile.room(r);
        registrations.put(n, r.number().toString());
        return n;
    }

    private boolean exists(RoomNumber number) {
        return number != null && rooms.find(number).isPresent();
    }

    private static Optional<RoomNumber> room(Context ctx) {
        return RoomNumber.parse(ctx.pathParam("roomNo"));
    }

    /** A floor number from the body; one that is not a number is -1, which the batch rules report. */
    private static long longField(ObjectNode body, String field) {
        var n = body.get(field);
        if (n == null) {
            return 0;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isTextual() && n.asText().matches("[0-9]{1,9}")) {
            return Long.parseLong(n.asText());
        }
        return -1;
    }
}
