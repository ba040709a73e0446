package org.openvto.web.internal.rooms;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvto.household.BatchSpec;
import org.openvto.household.Change;
import org.openvto.household.DevicePropertiesService;
import org.openvto.household.RegisterPasswords;
import org.openvto.household.RegisterType;
import org.openvto.household.RoomDevice;
import org.openvto.household.RoomListService;
import org.openvto.household.RoomNumber;
import org.openvto.validation.FieldError;
import org.openvto.validation.Result;
import org.openvto.web.internal.Form;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.Registrations;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * Household Setting › Room No. Management (Quick Start Guide 4.2.6, Table 4-3): the paged and searchable list,
 * add, modify, delete, Clear, and Add in Batch with its progress page.
 */
public final class RoomListPage {
    static final int ROOMS_PER_PAGE = 20;
    private static final String PATH = "/console/household/rooms";
    private final Pages pages;
    private final RoomListService rooms;
    private final DevicePropertiesService device;
    private final Registrations registrations;
    private final BatchJobs batches;

    public RoomListPage(
            Pages pages, RoomListService rooms, DevicePropertiesService device, Registrations registrations) {
        this.pages = pages;
        this.rooms = rooms;
        this.device = device;
        this.registrations = registrations;
        this.batches = new BatchJobs(rooms);
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, 200, blank(), "", false, Map.of(), FormErrors.NONE, Saved.notice(ctx)));
        routes.post(PATH, this::add);
        routes.get(
                PATH + "/clear",
                ctx -> pages.console(
                        ctx, 200, "console/household/clear.jte", "Clear", new ClearRoomsView(rooms.count(""))));
        routes.post(PATH + "/clear", ctx -> {
            if (!"yes".equals(ctx.formParam("confirm"))) {
                ctx.redirect(PATH + "/clear");
                return;
            }
            ctx.redirect(PATH + "?saved=cleared&n=" + rooms.clear());
        });
        routes.post(PATH + "/batch", this::startBatch);
        // reloading the page a rejected batch answered asks for this address: show the form again
        routes.get(PATH + "/batch", ctx -> ctx.redirect(PATH + "#batch-panel"));
        routes.get(PATH + "/batch/{id}", this::batchProgress);
        routes.get(
                PATH + "/{room}/{index}",
                ctx -> roomNumber(ctx)
                        .flatMap(rooms::find)
                        .ifPresentOrElse(
                                r -> show(
                                        ctx,
                                        200,
                                        r,
                                        r.number().toString(),
                                        true,
                                        Map.of(),
                                        FormErrors.NONE,
                                        Notice.NONE),
                                () -> ctx.redirect(PATH)));
        routes.post(PATH + "/{room}/{index}", this::update);
        routes.post(PATH + "/{room}/{index}/delete", this::delete);
    }

    private void show(
            Context ctx,
            int status,
            RoomDevice form,
            String formRoomNo,
            boolean editing,
            Map<String, String> batchForm,
            FormErrors errors,
            Notice notice) {
        String search = Optional.ofNullable(ctx.queryParam("search")).orElse("").strip();
        if (search.length() > 32) {
            search = search.substring(0, 32);
        }
        long total = rooms.count(search);
        int pageCount = (int) Math.max(1, (total + ROOMS_PER_PAGE - 1) / ROOMS_PER_PAGE);
        int page = Math.min(Saved.page(ctx.queryParam("page")), pageCount);
        pages.console(
                ctx,
                status,
                "console/household/rooms.jte",
                "Room No. Management",
                new RoomListView(
                        rooms.page(search, (page - 1) * ROOMS_PER_PAGE, ROOMS_PER_PAGE),
                        total,
                        page,
                        pageCount,
                        search,
                        form,
                        formRoomNo,
                        editing,
                        batchForm,
                        errors,
                        notice,
                        device.connectionProblem().orElse(null),
                        registrations.unavailableReason().orElse(null),
                        registrations.text()));
    }

    private void add(Context ctx) {
        Form f = new Form(ctx);
        String number = f.str("roomNo");
        RoomDevice r = fromForm(f, RoomNumber.parse(number).orElse(null));
        Saved.outcome(
                ctx, rooms.add(r), PATH, errs -> show(ctx, 400, r, number, false, Map.of(), errs, Saved.NOTHING_SAVED));
    }

    private void update(Context ctx) {
        Optional<RoomNumber> n = roomNumber(ctx);
        if (n.isEmpty()) {
            ctx.redirect(PATH);
            return;
        }
        RoomDevice r = fromForm(new Form(ctx), n.get());
        Saved.outcome(
                ctx,
                rooms.update(n.get(), r),
                PATH,
                errs -> show(ctx, 400, r, n.get().toString(), true, Map.of(), errs, Saved.NOTHING_SAVED));
    }

    private void delete(Context ctx) {
        Optional<RoomNumber> n = roomNumber(ctx);
        Result<Change> r = n.isPresent() ? rooms.delete(n.get()) : Result.rejected("roomNo", "No such room");
        Saved.outcome(
                ctx,
                r,
                PATH,
                errs -> show(
                        ctx,
                        400,
                        blank(),
                        "",
                        false,
                        Map.of(),
                        errs,
                        new Notice("error", errs.errors().get(0).message())));
    }

    private void startBatch(Context ctx) {
        Form f = new Form(ctx);
        Map<String, String> raw = Map.of(
                "layers", f.str("layers"),
                "roomsPerLayer", f.str("roomsPerLayer"),
                "firstFloorNo", f.str("firstFloorNo"),
                "secondFloorNo", f.str("secondFloorNo"));
        BatchSpec spec = new BatchSpec(
                f.integer("layers", "Unit Layer Amount"),
                f.integer("roomsPerLayer", "Room Amount in One Layer"),
                f.integer("firstFloorNo", "First Floor Number"),
                f.integer("secondFloorNo", "Second Floor Number"));
        // report every rule the form breaks at once: the domain's rules for the fields that are numbers, next to
        // the "must be a whole number" errors of those that are not
        List<FieldError> errors = new ArrayList<>(f.violations.list());
        int total = 0;
        switch (rooms.planBatch(spec)) {
            case Result.Rejected<List<String>> r ->
                r.errors().stream()
                        .filter(e -> errors.stream().noneMatch(x -> x.field().equals(e.field())))
                        .forEach(errors::add);
            case Result.Applied<List<String>> plan -> total = plan.value().size();
        }
        if (!errors.isEmpty()) {
            show(ctx, 400, blank(), "", false, raw, new FormErrors(errors), new Notice("error", "Nothing was added."));
            return;
        }
        ctx.redirect(PATH + "/batch/" + batches.start(spec, total));
    }

    private void batchProgress(Context ctx) {
        String id = ctx.pathParam("id");
        batches.get(id)
                .ifPresentOrElse(
                        job -> pages.console(
                                ctx,
                                200,
                                "console/household/batch.jte",
                                "Add in Batch",
                                new BatchProgressView(
                                        id,
                                        job.done.get(),
                                        job.total,
                                        job.finished(),
                                        job.finished() ? job.summary : "")),
                        () -> ctx.redirect(PATH));
    }

    private static RoomDevice fromForm(Form f, RoomNumber number) {
        return new RoomDevice(
                number,
                f.str("firstName"),
                f.str("lastName"),
                f.str("nickName"),
                RegisterType.parse(f.str("registerType")).orElse(null),
                f.raw("registerPassword"));
    }

    private static Optional<RoomNumber> roomNumber(Context ctx) {
        String index = ctx.pathParam("index");
        return index.matches("[0-9]{1,2}") ? RoomNumber.parse(ctx.pathParam("room") + "#" + index) : Optional.empty();
    }

    private static RoomDevice blank() {
        return new RoomDevice(null, "", "", "", RegisterType.PUBLIC, RegisterPasswords.newPassword());
    }
}
