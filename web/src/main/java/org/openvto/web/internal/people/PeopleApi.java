package org.openvto.web.internal.people;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openvto.access.Card;
import org.openvto.access.PeopleService;
import org.openvto.access.PersonForm;
import org.openvto.validation.Result;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Halt;
import org.openvto.web.internal.Json;

/**
 * {@code /api/v1/people}: list (search by room or name, paged), add, read, change, delete; {@code PUT
 * …/{id}/cards/{number}/status} reports a card lost (or frozen, or normal again) at once; {@code POST
 * …/{id}/fingerprints} with a {@code template} stores it, without one waits for the finger at the module (202);
 * {@code POST /api/v1/people/import} takes {@code {"csv":"room,name,card,valid_from,valid_to\n…"}} and imports all
 * or nothing. Rejected requests answer 400 with every broken rule and change nothing.
 */
public final class PeopleApi {
    private final PeopleService people;

    public PeopleApi(PeopleService people) {
        this.people = people;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/people", this::list);
        routes.post("/api/v1/people", ctx -> {
            PersonForm f = PeopleJson.form(Json.body(ctx), ApiResults.reader(ctx));
            answer(ctx, 201, () -> people.add(f), PeopleJson::json);
        });
        routes.post("/api/v1/people/import", ctx -> {
            String csv = ApiResults.reader(ctx).str(Json.body(ctx), "csv", "");
            answer(
                    ctx,
                    200,
                    () -> people.importCsv(csv),
                    n -> Json.MAPPER.createObjectNode().put("imported", n));
        });
        routes.get(
                "/api/v1/people/{id}",
                ctx -> people.get(id(ctx))
                        .ifPresentOrElse(p -> Json.send(ctx, 200, PeopleJson.json(p)), () -> notFound(ctx)));
        routes.put("/api/v1/people/{id}", ctx -> {
            long id = id(ctx);
            PersonForm f = PeopleJson.form(Json.body(ctx), ApiResults.reader(ctx));
            found(ctx, id, () -> answer(ctx, 200, () -> people.update(id, f), PeopleJson::json));
        });
        routes.delete("/api/v1/people/{id}", ctx -> {
            if (people.delete(id(ctx))) {
                ctx.status(204);
            } else {
                notFound(ctx);
            }
        });
        routes.put("/api/v1/people/{id}/cards/{number}/status", this::cardStatus);
        routes.post("/api/v1/people/{id}/fingerprints", this::fingerprint);
        routes.delete("/api/v1/people/{id}/fingerprints/{fid}", ctx -> {
            if (people.removeFingerprint(id(ctx), longParam(ctx, "fid"))) {
                ctx.status(204);
            } else {
                ApiResults.notFound(ctx, "fingerprint " + ctx.pathParam("fid"));
            }
        });
    }

    private void list(Context ctx) {
        int offset = ApiResults.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = ApiResults.intParam(ctx, "limit", 50, 1, 1000);
        String search = Optional.ofNullable(ctx.queryParam("search")).orElse("");
        if (search.length() > 64) {
            throw new Halt(c -> Json.error(c, 400, "search must be at most 64 characters"));
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("total", people.count(search));
        ArrayNode list = out.putArray("people");
        people.page(search, offset, limit).forEach(p -> list.add(PeopleJson.json(p)));
        Json.send(ctx, 200, out);
    }

    private void cardStatus(Context ctx) {
        long id = id(ctx);
        String token = ApiResults.reader(ctx).str(Json.body(ctx), "status", "");
        Optional<Card.Status> status = Card.status(token);
        if (status.isEmpty()) {
            Json.invalid(
                    ctx,
                    java.util.List.of(
                            new org.openvto.validation.FieldError("status", "must be normal, lost or frozen")));
            return;
        }
        found(
                ctx,
                id,
                () -> answer(
                        ctx,
                        200,
                        () -> people.cardStatus(id, ctx.pathParam("number"), status.get()),
                        PeopleJson::json));
    }

    private void fingerprint(Context ctx) {
        long id = id(ctx);
        var body = Json.body(ctx);
        var r = ApiResults.reader(ctx);
        String label = r.str(body, "label", "");
        String template = r.str(body, "template", null);
        found(ctx, id, () -> {
            if (template != null) {
                answer(
                        ctx,
                        201,
                        () -> people.addFingerprint(id, label, template),
                        f -> Json.MAPPER
                                .createObjectNode()
                                .put("id", f.id())
                                .put("label", f.label())
                                .put("enrolledAt", f.enrolledAt().toString()));
            } else {
                answer(
                        ctx,
                        202,
                        () -> people.startEnrolment(id, label),
                        e -> Json.MAPPER
                                .createObjectNode()
                                .put("enrolling", true)
                                .put("label", e.label())
                                .put("until", e.until().toString())
                                .put("message", "Place the finger on the fingerprint module"));
            }
        });
    }

    private <T> void answer(Context ctx, int status, Supplier<Result<T>> action, Function<T, ObjectNode> view) {
        if (ApiResults.rejectedTypes(ctx)) {
            return;
        }
        switch (action.get()) {
            case Result.Rejected<T> rej -> Json.invalid(ctx, rej.errors());
            case Result.Applied<T> ok -> Json.send(ctx, status, view.apply(ok.value()));
        }
    }

    private void found(Context ctx, long id, Runnable then) {
        if (people.get(id).isEmpty()) {
            notFound(ctx);
        } else {
            then.run();
        }
    }

    private static void notFound(Context ctx) {
        ApiResults.notFound(ctx, "person " + ctx.pathParam("id"));
    }

    private static long id(Context ctx) {
        return longParam(ctx, "id");
    }

    private static long longParam(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        if (!raw.matches("[0-9]{1,18}")) {
            throw new Halt(c -> ApiResults.notFound(c, name + " " + raw));
        }
        return Long.parseLong(raw);
    }
}
