package org.openvto.web.internal.facade;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.io.FacadeControl;
import org.openvto.facade.io.KeypadKey;
import org.openvto.household.FacadeService;
import org.openvto.web.internal.Form;
import org.openvto.web.internal.Pages;

/**
 * The virtual façade: the configured modules drawn in cascade order on their mounting, operated as a visitor
 * would — call buttons, the keypad, a card, a finger, pulling the VTO off the wall, the door, the exit button,
 * unplugging a module. The live part ({@code /state}) is reloaded by the page's script on every event of the
 * event stream, so lights, display text, lock time left, the last prompt and module status follow without a
 * reload. Actions answer 204, or 409 with the reason the façade refused (shown on the page).
 */
public final class VirtualFacadePage {
    static final String PATH = "/console/facade/virtual";
    private static final List<KeypadKey> KEYPAD = List.of(
            KeypadKey.DIGIT_1,
            KeypadKey.DIGIT_2,
            KeypadKey.DIGIT_3,
            KeypadKey.DIGIT_4,
            KeypadKey.DIGIT_5,
            KeypadKey.DIGIT_6,
            KeypadKey.DIGIT_7,
            KeypadKey.DIGIT_8,
            KeypadKey.DIGIT_9,
            KeypadKey.STAR,
            KeypadKey.DIGIT_0,
            KeypadKey.HASH,
            KeypadKey.PREVIOUS,
            KeypadKey.CALL,
            KeypadKey.NEXT,
            KeypadKey.CENTRE);

    private final Pages pages;
    private final FacadeService facade;
    private final FacadeControl control;
    private final Clock clock;

    public VirtualFacadePage(Pages pages, FacadeService facade, FacadeControl control, Clock clock) {
        this.pages = pages;
        this.facade = facade;
        this.control = control;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> pages.console(ctx, 200, "console/virtual_facade.jte", "Virtual Façade", view()));
        routes.get(PATH + "/state", ctx -> pages.fragment(ctx, 200, "virtual_facade_state.jte", view()));
        routes.post(
                PATH + "/keys/{module}/{key}",
                ctx -> act(
                        ctx,
                        () -> control.pressCallKey(number(ctx.pathParam("module")), number(ctx.pathParam("key")))));
        routes.post(PATH + "/keypad", ctx -> act(ctx, () -> keypad(new Form(ctx).str("key"))));
        routes.post(PATH + "/card", ctx -> act(ctx, () -> control.presentCard(new Form(ctx).str("number"))));
        routes.post(PATH + "/finger", ctx -> act(ctx, () -> control.presentFinger(new Form(ctx).str("template"))));
        routes.post(PATH + "/tamper", ctx -> act(ctx, () -> control.tamper(flag(ctx, "released"))));
        routes.post(PATH + "/door", ctx -> act(ctx, () -> control.door(flag(ctx, "open"))));
        routes.post(PATH + "/exit-button", ctx -> act(ctx, control::pressExitButton));
        routes.post(
                PATH + "/modules/{module}/plug",
                ctx -> act(ctx, () -> control.plug(number(ctx.pathParam("module")), flag(ctx, "connected"))));
    }

    private VirtualFacadeView view() {
        FacadeLayout layout = facade.current();
        List<ModuleView> modules = FacadeDrawing.modules(layout, facade.rooms());
        return new VirtualFacadeView(
                layout,
                modules,
                FacadeDrawing.rows(modules),
                FacadeDrawing.columns(modules),
                control.state(),
                KEYPAD,
                clock.instant());
    }

    private Optional<String> keypad(String symbol) {
        Optional<KeypadKey> key = symbol.length() == 1 ? KeypadKey.of(symbol.charAt(0)) : Optional.empty();
        return key.isEmpty()
                ? Optional.of("Unknown key " + symbol + "; the keys are "
                        + Arrays.stream(KeypadKey.values())
                                .map(k -> String.valueOf(k.symbol()))
                                .toList())
                : control.pressKeypad(key.get());
    }

    private static void act(Context ctx, Supplier<Optional<String>> action) {
        Optional<String> refused = action.get();
        if (refused.isPresent()) {
            ctx.status(409).contentType("text/plain; charset=utf-8").result(refused.get());
        } else {
            ctx.status(204);
        }
    }

    private static boolean flag(Context ctx, String name) {
        return "true".equals(new Form(ctx).str(name));
    }

    private static int number(String raw) {
        return raw.matches("[0-9]{1,2}") ? Integer.parseInt(raw) : -1;
    }
}
