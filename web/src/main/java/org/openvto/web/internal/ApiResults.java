package org.openvto.web.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Supplier;
import org.openvto.backup.ConfigurationFile.Reader;
import org.openvto.household.Change;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;

/**
 * How the REST resources answer a change: type errors in the body and rule violations both answer
 * {@code 400 {"error":"validation failed","errors":[{field,message}]}} and change nothing; a change that restarts
 * services lists them in {@code restart}. A body's type errors are collected per request by {@link #reader}
 * and checked before any action runs, so a rejected request never saves anything.
 */
public final class ApiResults {
    private static final String ERRORS = "openvto.fieldErrors";

    private ApiResults() {}

    /** A reader whose type errors are collected for this request and answered before the action runs. */
    public static Reader reader(Context ctx) {
        Violations v = ctx.attribute(ERRORS);
        if (v == null) {
            v = new Violations();
            ctx.attribute(ERRORS, v);
        }
        return new Reader(v, "");
    }

    /** True (and answered 400) when the body had type errors. */
    public static boolean rejectedTypes(Context ctx) {
        Violations v = ctx.attribute(ERRORS);
        if (v != null && !v.isEmpty()) {
            Json.invalid(ctx, v.list());
            return true;
        }
        return false;
    }

    /** 200 with the view and the services that restart, or 400. */
    public static void apply(Context ctx, Supplier<Result<Change>> action, Supplier<ObjectNode> view) {
        if (rejectedTypes(ctx)) {
            return;
        }
        switch (action.get()) {
            case Result.Rejected<Change> r -> Json.invalid(ctx, r.errors());
            case Result.Applied<Change> a -> {
                ObjectNode out = view.get();
                ArrayNode restart = out.putArray("restart");
                a.value().restart().forEach(service -> restart.add(service.token()));
                Json.send(ctx, 200, out);
            }
        }
    }

    /** 201 with the created resource, or 400. */
    public static void created(Context ctx, Supplier<Result<Change>> action, Supplier<ObjectNode> view) {
        if (rejectedTypes(ctx)) {
            return;
        }
        switch (action.get()) {
            case Result.Rejected<Change> r -> Json.invalid(ctx, r.errors());
            case Result.Applied<Change> a -> Json.send(ctx, 201, view.get());
        }
    }

    /**
     * A change of an existing resource: 404 when it does not exist, 400 when rejected, else 200 with the view
     * (or 204 when {@code view} is empty: a deletion).
     */
    public static void applyFound(
            Context ctx, boolean found, Supplier<Result<Change>> action, Optional<Supplier<ObjectNode>> view) {
        if (!found) {
            notFound(ctx, ctx.path().substring(ctx.path().lastIndexOf('/') + 1));
            return;
        }
        if (rejectedTypes(ctx)) {
            return;
        }
        switch (action.get()) {
            case Result.Rejected<Change> r -> Json.invalid(ctx, r.errors());
            case Result.Applied<Change> a -> {
                if (view.isEmpty()) {
                    ctx.status(204);
                } else {
                    Json.send(ctx, 200, view.get().get());
                }
            }
        }
    }

    public static void notFound(Context ctx, String what) {
        Json.error(ctx, 404, "no such " + what);
    }

    /** A query parameter between {@code min} and {@code max}, {@code fallback} when absent; else 400 and halt. */
    public static int intParam(Context ctx, String name, int fallback, int min, int max) {
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
