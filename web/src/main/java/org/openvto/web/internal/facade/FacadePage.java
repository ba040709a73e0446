package org.openvto.web.internal.facade;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openvto.facade.DeviceModel;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.ModuleKind;
import org.openvto.facade.Mounting;
import org.openvto.facade.io.FacadeControl;
import org.openvto.household.FacadeService;
import org.openvto.household.RoomDevice;
import org.openvto.household.RoomListService;
import org.openvto.validation.FieldError;
import org.openvto.web.internal.Form;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * Local Setting › Basic › Façade Layout (Quick Start Guide 4.2.7): the model, the mounting, the modules in cascade
 * order (add several at once, reorder, remove) and the rooms of the call keys. Every action is one checked save of
 * the whole resulting layout — live at once, nothing to restart — or is refused naming the rule, and then nothing
 * changes.
 */
public final class FacadePage {
    static final String PATH = "/console/local/facade";
    private final Pages pages;
    private final FacadeService facade;
    private final RoomListService rooms;
    private final FacadeControl control;

    public FacadePage(Pages pages, FacadeService facade, RoomListService rooms, FacadeControl control) {
        this.pages = pages;
        this.facade = facade;
        this.rooms = rooms;
        this.control = control;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, 200, FormErrors.NONE, Saved.notice(ctx)));
        routes.post(PATH + "/model", this::model);
        routes.post(PATH + "/mounting", this::mounting);
        routes.post(PATH + "/add", this::add);
        routes.post(PATH + "/modules/{index}/up", ctx -> edit(ctx, l -> drawn(ctx, l) ? l.moved(index(ctx), -1) : l));
        routes.post(PATH + "/modules/{index}/down", ctx -> edit(ctx, l -> drawn(ctx, l) ? l.moved(index(ctx), 1) : l));
        routes.post(PATH + "/modules/{index}/remove", ctx -> edit(ctx, l -> drawn(ctx, l) ? l.without(index(ctx)) : l));
        routes.post(PATH + "/modules/{index}/keys", this::keys);
    }

    private void show(Context ctx, int status, FormErrors errors, Notice notice) {
        FacadeLayout layout = facade.current();
        List<ModuleView> modules = FacadeDrawing.modules(layout, facade.rooms());
        pages.console(
                ctx,
                status,
                "console/facade.jte",
                "Façade Layout",
                new FacadeLayoutView(
                        layout,
                        modules,
                        FacadeDrawing.rows(modules),
                        FacadeDrawing.columns(modules),
                        Arrays.asList(DeviceModel.values()),
                        layout.addable(),
                        roomChoices(),
                        control.state().modules(),
                        errors,
                        notice));
    }

    /** The rooms of Room No. Management with their master's name, as the Room List shows them (4.2.7.2). */
    private List<RoomChoice> roomChoices() {
        Map<String, String> names = new LinkedHashMap<>();
        for (RoomDevice r : rooms.page("", 0, Integer.MAX_VALUE)) {
            if (r.number().master()) {
                names.put(r.number().room(), (r.firstName() + " " + r.lastName()).strip());
            }
        }
        List<RoomChoice> choices = new ArrayList<>();
        names.forEach((room, name) -> choices.add(new RoomChoice(room, name)));
        return choices;
    }

    /** Applies {@code change} to the layout as it is when the edit runs (under the installer lock) and saves it. */
    private void edit(Context ctx, UnaryOperator<FacadeLayout> change) {
        Saved.outcome(ctx, facade.edit(change), PATH, errs -> show(ctx, 400, errs, Saved.NOTHING_SAVED));
    }

    private void rejected(Context ctx, List<FieldError> errors) {
        show(ctx, 400, new FormErrors(errors), Saved.NOTHING_SAVED);
    }

    private void model(Context ctx) {
        String raw = new Form(ctx).str("model");
        Optional<DeviceModel> model = DeviceModel.parse(raw);
        if (model.isEmpty()) {
            rejected(ctx, List.of(new FieldError("model", "Choose a model from the list")));
            return;
        }
        edit(ctx, l -> l.withModel(model.get()));
    }

    private void mounting(Context ctx) {
        Form f = new Form(ctx);
        Optional<Mounting> m = Mounting.parse(f.str("frameSize") + "-" + f.str("orientation"));
        if (m.isEmpty()) {
            rejected(
                    ctx,
                    List.of(new FieldError("mounting", "Choose frames of 2 or 3 modules, horizontal or vertical")));
            return;
        }
        edit(ctx, l -> l.withMounting(m.get()));
    }

    /** Adds every module ticked or counted in the list at once, in the list's order. */
    private void add(Context ctx) {
        Form f = new Form(ctx);
        List<ModuleKind> kinds = new ArrayList<>();
        for (ModuleKind k : ModuleKind.values()) {
            if (!k.addable()) {
                continue;
            }
            if (k.unique()) {
                if (f.checked("add-" + k.token())) {
                    kinds.add(k);
                }
            } else if (!f.str("count-" + k.token()).isEmpty()) {
                int n = f.integer("count-" + k.token(), k.label() + " count");
                if (n > 0) {
                    kinds.addAll(Collections.nCopies(Math.min(n, DeviceModel.MOST_ADDED + 1), k));
                }
            }
        }
        if (!f.violations.isEmpty()) {
            rejected(ctx, f.violations.list());
            return;
        }
        if (kinds.isEmpty()) {
            rejected(ctx, List.of(new FieldError("add", "Tick or count the modules to add")));
            return;
        }
        edit(ctx, l -> l.withAdded(kinds));
    }

    private void keys(Context ctx) {
        int index = index(ctx);
        Form f = new Form(ctx);
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < ModuleKind.BUTTON_5.callKeys() && ctx.formParam("key" + k) != null; k++) {
            keys.add(f.str("key" + k));
        }
        edit(ctx, l -> drawn(ctx, l) ? l.withKeys(index, keys) : l);
    }

    /**
     * The form names the kind of the module it was drawn for: if the layout changed meanwhile (another tab, another
     * installer) and another module now sits there, the action changes nothing rather than hit the wrong module.
     */
    private static boolean drawn(Context ctx, FacadeLayout l) {
        int index = index(ctx);
        return index >= 0
                && index < l.modules().size()
                && l.modules().get(index).kind().token().equals(ctx.formParam("kind"));
    }

    private static int index(Context ctx) {
        String raw = ctx.pathParam("index");
        return raw.matches("[0-9]{1,2}") ? Integer.parseInt(raw) : -1;
    }
}
