package org.openvto.web.internal.facade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.openvto.facade.io.FacadeControl;
import org.openvto.facade.io.FacadeControl.FacadeState;
import org.openvto.facade.io.KeypadKey;
import org.openvto.facade.io.LockRelay;
import org.openvto.facade.io.ModuleStatus;
import org.openvto.web.internal.Json;

/**
 * The virtual façade's actions and state as REST resources under {@code /api/v1/facade/}: {@code POST keys}
 * ({@code {"module":1,"key":0}}), {@code POST keypad} ({@code {"key":"5"}}), {@code POST card}
 * ({@code {"number":"1234567"}}), {@code POST finger} ({@code {"template":"finger-1"}}), {@code PUT tamper}
 * ({@code {"released":true}}), {@code PUT door} ({@code {"open":true}}), {@code POST exit-button},
 * {@code PUT modules/{i}/connected} ({@code {"connected":false}}) and {@code GET state}. An action answers 204, or
 * 409 {@code {"error": reason}} when the façade refuses it; a malformed body is a 400 naming the field.
 */
public final class VirtualFacadeApi {
    private final FacadeControl control;

    public VirtualFacadeApi(FacadeControl control) {
        this.control = control;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/facade/state", ctx -> Json.send(ctx, 200, state(control.state())));
        routes.post(
                "/api/v1/facade/keys",
                ctx -> act(ctx, b -> control.pressCallKey(number(b, "module"), number(b, "key"))));
        routes.post(
                "/api/v1/facade/keypad",
                ctx -> act(ctx, b -> {
                    String k = text(b, "key");
                    Optional<KeypadKey> key = k.length() == 1 ? KeypadKey.of(k.charAt(0)) : Optional.empty();
                    if (key.isEmpty()) {
                        throw new BadField("key", "unknown key " + k + "; the keys are 0-9 # * < > C M");
                    }
                    return control.pressKeypad(key.get());
                }));
        routes.post("/api/v1/facade/card", ctx -> act(ctx, b -> control.presentCard(text(b, "number"))));
        routes.post("/api/v1/facade/finger", ctx -> act(ctx, b -> control.presentFinger(text(b, "template"))));
        routes.put("/api/v1/facade/tamper", ctx -> act(ctx, b -> control.tamper(flag(b, "released"))));
        routes.put("/api/v1/facade/door", ctx -> act(ctx, b -> control.door(flag(b, "open"))));
        routes.post("/api/v1/facade/exit-button", ctx -> act(ctx, b -> control.pressExitButton()));
        routes.put(
                "/api/v1/facade/modules/{module}/connected",
                ctx -> act(ctx, b -> {
                    String m = ctx.pathParam("module");
                    return control.plug(m.matches("[0-9]{1,2}") ? Integer.parseInt(m) : -1, flag(b, "connected"));
                }));
    }

    /** Thrown inside an action for a malformed body: answered 400 with the field, nothing done. */
    private static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;

        BadField(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private static void act(Context ctx, Function<JsonNode, Optional<String>> action) {
        JsonNode body = ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.body(ctx);
        Optional<String> refused;
        try {
            refused = action.apply(body);
        } catch (BadField e) {
            Json.invalid(ctx, java.util.List.of(new org.openvto.validation.FieldError(e.field, e.getMessage())));
            return;
        }
        if (refused.isPresent()) {
            Json.error(ctx, 409, refused.get());
        } else {
            ctx.status(204);
        }
    }

    private static int number(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new BadField(field, "must be a whole number");
        }
        return n.asInt();
    }

    private static String text(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || !n.isTextual()) {
            throw new BadField(field, "must be text");
        }
        return n.asText();
    }

    private static boolean flag(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || !n.isBoolean()) {
            throw new BadField(field, "must be true or false");
        }
        return n.asBoolean();
    }

    static ObjectNode state(FacadeState s) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        ArrayNode modules = n.putArray("modules");
        for (ModuleStatus m : s.modules()) {
            ObjectNode item = modules.addObject().put("status", m.online() ? "online" : "offline");
            if (!m.online()) {
                item.put("reason", m.reason());
            }
        }
        ArrayNode lit = n.putArray("indicators");
        s.indicators().stream()
                .map(i -> i.name().toLowerCase(Locale.ROOT))
                .sorted()
                .forEach(lit::add);
        ArrayNode display = n.putArray("display");
        s.display().forEach(display::add);
        s.lastSound().ifPresent(sound -> n.put("lastSound", sound.name()));
        ArrayNode locks = n.putArray("locks");
        for (LockRelay.State l : s.locks()) {
            ObjectNode lock = locks.addObject().put("energized", l.energized());
            l.until().ifPresent(u -> lock.put("until", u.toString()));
        }
        n.put("doorOpen", s.doorOpen()).put("tamperReleased", s.tamperReleased());
        ArrayNode prompts = n.putArray("prompts");
        s.prompts().forEach(p -> prompts.addObject().put("name", p.name()).put("at", p.at().toString()));
        return n;
    }
}
