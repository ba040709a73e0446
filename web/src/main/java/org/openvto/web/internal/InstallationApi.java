package org.openvto.web.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Function;
import org.openvto.backup.ConfigurationFile;
import org.openvto.backup.ConfigurationFile.Reader;
import org.openvto.household.BatchSpec;
import org.openvto.household.Installation;
import org.openvto.household.RoomDevice;
import org.openvto.household.RoomNumber;
import org.openvto.household.VtoEntry;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;
import org.openvto.web.WebServices;

/**
 * REST API for everything the installer pages do (Quick Start Guide 4.2.2–4.2.6), under {@code /api/v1}. Rejected
 * changes answer {@code 400 {"error":"validation failed","errors":[{field,message}]}} and change nothing;
 * saves that restart services list them in {@code restart}.
 */
final class InstallationApi {
    private final WebServices services;
    private final Installation installation;
    private final InstallationViews views;

    InstallationApi(WebServices services, InstallationViews views) {
        this.services = services;
        this.installation = services.installation();
        this.views = views;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/device/properties", ctx -> Json.send(ctx, 200, views.deviceJson()));
        routes.put("/api/v1/device/properties", ctx -> {
            var p = ConfigurationFile.device(Json.body(ctx), reader(ctx), installation.deviceProperties());
            apply(ctx, () -> installation.updateDeviceProperties(p), views::deviceJson);
        });
        routes.get("/api/v1/network", ctx -> Json.send(ctx, 200, views.networkJson()));
        routes.put("/api/v1/network", ctx -> {
            var n = ConfigurationFile.network(Json.body(ctx), reader(ctx), installation.network());
            apply(ctx, () -> installation.updateNetwork(n), views::networkJson);
        });
        routes.get("/api/v1/sip-server", ctx -> Json.send(ctx, 200, views.sipJson()));
        routes.put("/api/v1/sip-server", ctx -> {
            var s = ConfigurationFile.sipServer(Json.body(ctx), reader(ctx), installation.sipServer());
            apply(ctx, () -> installation.updateSipServer(s), views::sipJson);
        });

        routes.get("/api/v1/vtos", ctx -> Json.send(ctx, 200, views.vtoListJson()));
        routes.post("/api/v1/vtos", this::addVto);
        routes.get(
                "/api/v1/vtos/{recNo}",
                ctx -> installation
                        .vto(ctx.pathParam("recNo"))
                        .ifPresentOrElse(
                                v -> Json.send(ctx, 200, ConfigurationFile.vto(v, false)),
                                () -> notFound(ctx, "VTO " + ctx.pathParam("recNo"))));
        routes.put("/api/v1/vtos/{recNo}", ctx -> {
            ObjectNode body = Json.body(ctx);
            body.put("recNo", ctx.pathParam("recNo"));
            VtoEntry entry = ConfigurationFile.vto(body, reader(ctx));
            applyFound(
                    ctx,
                    installation.vto(ctx.pathParam("recNo")).isPresent(),
                    () -> installation.updateVto(ctx.pathParam("recNo"), entry),
                    c -> ConfigurationFile.vto(
                            installation.vto(ctx.pathParam("recNo")).orElseThrow(), false));
        });
        routes.delete(
                "/api/v1/vtos/{recNo}",
                ctx -> applyFound(
                        ctx,
                        installation.vto(ctx.pathParam("recNo")).isPresent(),
                        () -> installation.deleteVto(ctx.pathParam("recNo")),
                        null));

        routes.get("/api/v1/rooms", this::listRooms);
        routes.post("/api/v1/rooms", this::addRoom);
        routes.delete("/api/v1/rooms", this::clearRooms);
        routes.post("/api/v1/rooms/batch", this::batch);
        routes.get(
                "/api/v1/rooms/{roomNo}",
                ctx -> room(ctx)
                        .flatMap(installation::room)
                        .ifPresentOrElse(
                                r -> Json.send(ctx, 200, views.roomJson(r)),
                                () -> notFound(ctx, "room " + ctx.pathParam("roomNo"))));
        routes.put("/api/v1/rooms/{roomNo}", ctx -> {
            RoomNumber number = room(ctx).orElse(null);
            ObjectNode body = Json.body(ctx);
            body.put("roomNo", ctx.pathParam("roomNo"));
            RoomDevice r = ConfigurationFile.room(body, reader(ctx));
            applyFound(
                    ctx,
                    number != null && installation.room(number).isPresent(),
                    () -> installation.updateRoom(number, r),
                    c -> views.roomJson(installation.room(number).orElseThrow()));
        });
        routes.delete("/api/v1/rooms/{roomNo}", ctx -> {
            RoomNumber number = room(ctx).orElse(null);
            applyFound(
                    ctx,
                    number != null && installation.room(number).isPresent(),
                    () -> installation.deleteRoom(number),
                    null);
        });

        routes.get(
                "/api/v1/config/export",
                ctx -> ctx.contentType("application/json")
                        .header("Content-Disposition", "attachment; filename=\"openvto-configuration.json\"")
                        .result(ConfigurationFile.write(installation.snapshot())));
        routes.post("/api/v1/config/import", this::importConfig);
    }

    private void addVto(Context ctx) {
        ObjectNode body = Json.body(ctx);
        if (!body.hasNonNull("registerPassword")) {
            body.put("registerPassword", Installation.newRegisterPassword());
        }
        VtoEntry entry = ConfigurationFile.vto(body, reader(ctx));
        created(
                ctx,
                () -> installation.addVto(entry),
                () -> ConfigurationFile.vto(installation.vto(entry.recNo()).orElseThrow(), false));
    }

    private void addRoom(Context ctx) {
        ObjectNode body = Json.body(ctx);
        if (!body.hasNonNull("registerPassword")) {
            body.put("registerPassword", Installation.newRegisterPassword());
        }
        RoomDevice r = ConfigurationFile.room(body, reader(ctx));
        created(
                ctx,
                () -> installation.addRoom(r),
                () -> views.roomJson(installation.room(r.number()).orElseThrow()));
    }

    private void listRooms(Context ctx) {
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = intParam(ctx, "limit", 50, 1, 1000);
        String search = ctx.queryParam("search") == null ? "" : ctx.queryParam("search");
        if (search.length() > 32) {
            throw new Halt(c -> Json.error(c, 400, "search must be at most 32 characters"));
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("total", installation.countRooms(search));
        ArrayNode rooms = out.putArray("rooms");
        installation.rooms(search, offset, limit).forEach(r -> rooms.add(views.roomJson(r)));
        installation.connectionProblem().ifPresent(p -> out.put("connectionProblem", p));
        services.registrations().unavailableReason().ifPresent(p -> out.put("statusUnavailable", p));
        Json.send(ctx, 200, out);
    }

    private void clearRooms(Context ctx) {
        if (!"true".equals(ctx.queryParam("confirm"))) {
            Json.invalid(
                    ctx,
                    java.util.List.of(new org.openvto.validation.FieldError(
                            "confirm", "Clear deletes every room: repeat the request with ?confirm=true")));
            return;
        }
        Json.send(ctx, 200, Map.of("deleted", installation.clearRooms()));
    }

    private void batch(Context ctx) {
        ObjectNode body = Json.body(ctx);
        Reader r = reader(ctx);
        BatchSpec spec = new BatchSpec(
                r.integer(body, "layers", 0),
                r.integer(body, "roomsPerLayer", 0),
                longField(body, "firstFloorNo"),
                longField(body, "secondFloorNo"));
        if (rejectedTypes(ctx)) {
            return;
        }
        switch (installation.addBatch(spec, n -> {})) {
            case Result.Rejected<Installation.BatchOutcome> rej -> Json.invalid(ctx, rej.errors());
            case Result.Applied<Installation.BatchOutcome> ok ->
                Json.send(
                        ctx,
                        201,
                        Map.of(
                                "created",
                                ok.value().created(),
                                "alreadyExisted",
                                ok.value().alreadyExisted()));
        }
    }

    private void importConfig(Context ctx) {
        String text = ctx.body();
        apply(
                ctx,
                () -> ConfigurationFile.restore(installation, text),
                () -> Json.MAPPER.createObjectNode().put("imported", true));
    }

    // ---- plumbing ----

    private static final String ERRORS = "openvto.fieldErrors";

    /** A reader whose type errors are collected for this request and answered by {@link #rejectedTypes}. */
    private static Reader reader(Context ctx) {
        Violations v = ctx.attribute(ERRORS);
        if (v == null) {
            v = new Violations();
            ctx.attribute(ERRORS, v);
        }
        return new Reader(v, "");
    }

    private static boolean rejectedTypes(Context ctx) {
        Violations v = ctx.attribute(ERRORS);
        if (v != null && !v.isEmpty()) {
            Json.invalid(ctx, v.list());
            return true;
        }
        return false;
    }

    /** Runs {@code action} only when the body had no type errors, so a rejected request never saves anything. */
    private void apply(
            Context ctx,
            java.util.function.Supplier<Result<Installation.Change>> action,
            java.util.function.Supplier<ObjectNode> view) {
        if (rejectedTypes(ctx)) {
            return;
        }
        switch (action.get()) {
            case Result.Rejected<Installation.Change> r -> Json.invalid(ctx, r.errors());
            case Result.Applied<Installation.Change> a -> {
                ObjectNode out = view.get();
                ArrayNode restart = out.putArray("restart");
                a.value().restart().forEach(service -> restart.add(service.token()));
                Json.send(ctx, 200, out);
            }
        }
    }

    private void created(
            Context ctx,
            java.util.function.Supplier<Result<Installation.Change>> action,
            java.util.function.Supplier<ObjectNode> view) {
        if (rejectedTypes(ctx)) {
            return;
        }
        switch (action.get()) {
            case Result.Rejected<Installation.Change> r -> Json.invalid(ctx, r.errors());
            case Result.Applied<Installation.Change> a -> Json.send(ctx, 201, view.get());
        }
    }

    private void applyFound(
            Context ctx,
            boolean found,
            java.util.function.Supplier<Result<Installation.Change>> action,
            Function<Context, ObjectNode> view) {
        if (!found) {
            notFound(ctx, ctx.path().substring(ctx.path().lastIndexOf('/') + 1));
            return;
        }
        if (rejectedTypes(ctx)) {
            return;
        }
        switch (action.get()) {
            case Result.Rejected<Installation.Change> r -> Json.invalid(ctx, r.errors());
            case Result.Applied<Installation.Change> a -> {
                if (view == null) {
                    ctx.status(204);
                } else {
                    Json.send(ctx, 200, view.apply(ctx));
                }
            }
        }
    }

    private static java.util.Optional<RoomNumber> room(Context ctx) {
        return RoomNumber.parse(ctx.pathParam("roomNo"));
    }

    private static void notFound(Context ctx, String what) {
        Json.error(ctx, 404, "no such " + what);
    }

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

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        if (raw.matches("[0-9]{1,9}")) {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw new Halt(c -> Json.error(c, 400, name + " must be an integer between " + min + " and " + max));
    }
}
