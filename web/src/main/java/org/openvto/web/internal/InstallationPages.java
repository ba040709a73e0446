package org.openvto.web.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openvto.backup.ConfigurationFile;
import org.openvto.device.DeviceProperties;
import org.openvto.device.SystemType;
import org.openvto.household.BatchSpec;
import org.openvto.household.Installation;
import org.openvto.household.RegisterType;
import org.openvto.household.RoomDevice;
import org.openvto.household.RoomNumber;
import org.openvto.household.VtoEntry;
import org.openvto.network.NetworkSettings;
import org.openvto.network.ServerType;
import org.openvto.network.SipServerSettings;
import org.openvto.validation.FieldError;
import org.openvto.validation.Result;
import org.openvto.web.WebServices;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** The installer's console pages (Quick Start Guide 4.2.2–4.2.6) and Local Setting › System backup/restore. */
final class InstallationPages {
    static final int ROOMS_PER_PAGE = 20;
    /**
     * The success banners a redirect may ask for with {@code ?saved=key}: a fixed set, so a crafted link cannot
     * make the console print text of its choosing; unknown keys show nothing.
     */
    private static final Map<String, String> SAVED_MESSAGES = Map.of(
            "1", "Saved.",
            "sip", "Saved. The SIP services restart with these settings.",
            "imported", "Configuration imported.",
            "cleared", "All rooms were deleted.");
    /** Field names of the SIP Server form whose inputs have other ids (error summary links). */
    private static final Map<String, String> SIP_IDS = Map.ofEntries(
            Map.entry("enabled", "sip-enabled"),
            Map.entry("type", "sip-type"),
            Map.entry("ipAddress", "sip-ip"),
            Map.entry("port", "sip-port"),
            Map.entry("username", "sip-username"),
            Map.entry("password", "sip-password"),
            Map.entry("domain", "sip-domain"),
            Map.entry("loginUsername", "sip-login-username"),
            Map.entry("loginPassword", "sip-login-password"),
            Map.entry("centrePassword", "sip-centre-password"),
            Map.entry("altIpAddress", "alt-ip"),
            Map.entry("altUsername", "alt-username"),
            Map.entry("altPassword", "alt-password"),
            Map.entry("altVtsIpAddress", "alt-vts"),
            Map.entry("altEnabled", "alt-enabled"));

    private final Pages pages;
    private final WebServices services;
    private final Installation installation;
    private final BatchJobs batches;
    private final String instance;

    InstallationPages(Pages pages, WebServices services, String instance) {
        this.instance = instance;
        this.pages = pages;
        this.services = services;
        this.installation = services.installation();
        this.batches = new BatchJobs(installation);
    }

    void register(RoutesConfig routes) {
        routes.get(
                "/console/local/basic",
                ctx -> basic(ctx, 200, installation.deviceProperties(), FormErrors.NONE, saved(ctx)));
        routes.post("/console/local/basic", this::saveBasic);
        routes.get(
                "/console/network/basic",
                ctx -> network(ctx, 200, installation.network(), FormErrors.NONE, saved(ctx)));
        routes.post("/console/network/basic", this::saveNetwork);
        routes.get("/console/network/sip", ctx -> sip(ctx, 200, installation.sipServer(), FormErrors.NONE, saved(ctx)));
        routes.post("/console/network/sip", this::saveSip);

        routes.get("/console/household/vto", ctx -> vtos(ctx, 200, blankVto(), false, FormErrors.NONE, saved(ctx)));
        routes.post("/console/household/vto", ctx -> {
            VtoEntry e = vtoForm(ctx, ctx.formParam("recNo"));
            outcome(
                    ctx,
                    installation.addVto(e),
                    "/console/household/vto",
                    errs -> vtos(ctx, 400, e, false, errs, Notice.NONE));
        });
        routes.get(
                "/console/household/vto/{recNo}",
                ctx -> installation
                        .vto(ctx.pathParam("recNo"))
                        .ifPresentOrElse(
                                v -> vtos(
                                        ctx,
                                        200,
                                        new VtoEntry(
                                                v.recNo(),
                                                v.registerPassword(),
                                                v.buildingNo(),
                                                v.unitNo(),
                                                v.ipAddress(),
                                                v.username(),
                                                ""),
                                        true,
                                        FormErrors.NONE,
                                        Notice.NONE),
                                () -> ctx.redirect("/console/household/vto")));
        routes.post("/console/household/vto/{recNo}", ctx -> {
            VtoEntry e = vtoForm(ctx, ctx.pathParam("recNo"));
            outcome(
                    ctx,
                    installation.updateVto(ctx.pathParam("recNo"), e),
                    "/console/household/vto",
                    errs -> vtos(ctx, 400, e, true, errs, Notice.NONE));
        });
        routes.post(
                "/console/household/vto/{recNo}/delete",
                ctx -> outcome(
                        ctx,
                        installation.deleteVto(ctx.pathParam("recNo")),
                        "/console/household/vto",
                        errs -> vtos(ctx, 404, blankVto(), false, errs, Notice.NONE)));

        routes.get(
                "/console/household/rooms",
                ctx -> rooms(ctx, 200, blankRoom(), "", false, Map.of(), FormErrors.NONE, saved(ctx)));
        routes.post("/console/household/rooms", this::addRoom);
        routes.get(
                "/console/household/rooms/clear",
                ctx -> pages.console(
                        ctx,
                        200,
                        "console/household/clear.jte",
                        "Clear",
                        Map.of("total", installation.countRooms(""))));
        routes.post("/console/household/rooms/clear", ctx -> {
            if (!"yes".equals(ctx.formParam("confirm"))) {
                ctx.redirect("/console/household/rooms/clear");
                return;
            }
            int n = installation.clearRooms();
            ctx.redirect("/console/household/rooms?saved=cleared&n=" + n);
        });
        routes.post("/console/household/rooms/batch", this::startBatch);
        // reloading the page a rejected batch answered asks for this address: show the form again
        routes.get("/console/household/rooms/batch", ctx -> ctx.redirect("/console/household/rooms#batch-panel"));
        routes.get("/console/household/rooms/batch/{id}", this::batchProgress);
        routes.get(
                "/console/household/rooms/{room}/{index}",
                ctx -> roomNumber(ctx)
                        .flatMap(installation::room)
                        .ifPresentOrElse(
                                r -> rooms(
                                        ctx,
                                        200,
                                        r,
                                        r.number().toString(),
                                        true,
                                        Map.of(),
                                        FormErrors.NONE,
                                        Notice.NONE),
                                () -> ctx.redirect("/console/household/rooms")));
        routes.post("/console/household/rooms/{room}/{index}", this::updateRoom);
        routes.post("/console/household/rooms/{room}/{index}/delete", ctx -> {
            Optional<RoomNumber> n = roomNumber(ctx);
            Result<Installation.Change> r =
                    n.isPresent() ? installation.deleteRoom(n.get()) : Result.rejected("roomNo", "No such room");
            outcome(
                    ctx,
                    r,
                    "/console/household/rooms",
                    errs -> rooms(
                            ctx,
                            400,
                            blankRoom(),
                            "",
                            false,
                            Map.of(),
                            errs,
                            new Notice("error", errs.errors().get(0).message())));
        });

        routes.get("/console/local/system", ctx -> system(ctx, 200, FormErrors.NONE, saved(ctx)));
        routes.post("/console/local/system/import", this::importConfig);
        routes.get(
                "/console/local/system/reboot",
                ctx -> pages.console(ctx, 200, "console/reboot.jte", "Reboot", Map.of()));
        routes.post("/console/local/system/reboot", this::reboot);
    }

    // ---- Local Setting › Basic ----

    private void basic(Context ctx, int status, DeviceProperties p, FormErrors errors, Notice notice) {
        SipServerSettings sip = installation.sipServer();
        Map<String, Object> m = new HashMap<>();
        m.put("props", p);
        m.put("errors", errors);
        m.put("notice", notice);
        m.put("buildingVisible", sip.buildingVisible());
        m.put("unitVisible", sip.unitVisible());
        m.put("vtoNumberEditable", !sip.thisVtoIsServer());
        m.put("connectionProblem", installation.connectionProblem().orElse(null));
        pages.console(ctx, status, "console/basic.jte", "Basic", m);
    }

    private void saveBasic(Context ctx) {
        Form f = new Form(ctx);
        DeviceProperties p = new DeviceProperties(
                f.str("deviceName"),
                f.str("vtoNumber"),
                SystemType.parse(f.str("systemType")).orElse(null),
                f.str("buildingNo"),
                f.str("unitNo"));
        outcome(
                ctx,
                installation.updateDeviceProperties(p),
                "/console/local/basic",
                errs -> basic(ctx, 400, p, errs, new Notice("error", "Nothing was saved.")));
    }

    // ---- Network Setting › Basic ----

    private void network(Context ctx, int status, NetworkSettings n, FormErrors errors, Notice notice) {
        boolean local = services.hostAddresses().isLocal(installation.network().ipAddress());
        String listening = "the address set by http.bind-address, port "
                + installation.network().httpPort();
        pages.console(
                ctx,
                status,
                "console/network/basic.jte",
                "Basic",
                Map.of(
                        "net",
                        n,
                        "errors",
                        errors,
                        "notice",
                        notice,
                        "hostHasAddress",
                        local,
                        "listening",
                        listening,
                        "storedIp",
                        installation.network().ipAddress()));
    }

    private void saveNetwork(Context ctx) {
        Form f = new Form(ctx);
        NetworkSettings n = new NetworkSettings(
                f.str("ipAddress"),
                f.str("subnetMask"),
                f.str("gateway"),
                f.str("dns"),
                f.integer("httpPort", "HTTP Port"),
                f.integer("httpsPort", "HTTPS Port"),
                f.integer("rtspPort", "RTSP Port"),
                f.integer("sipPort", "SIP Port"));
        if (!f.violations.isEmpty()) {
            network(
                    ctx,
                    400,
                    installation.network(),
                    new FormErrors(f.violations.list()),
                    new Notice("error", "Nothing was saved."));
            return;
        }
        switch (installation.updateNetwork(n)) {
            case Result.Rejected<Installation.Change> r ->
                network(ctx, 400, n, new FormErrors(r.errors()), new Notice("error", "Nothing was saved."));
            case Result.Applied<Installation.Change> a -> {
                if (a.value().restart().contains(org.openvto.household.Service.HTTP)) {
                    restartPage(
                            ctx,
                            "Saved. The web service restarts on port " + n.httpPort() + ".",
                            n.httpPort(),
                            "/console/network/basic?saved=1",
                            null);
                } else {
                    ctx.redirect("/console/network/basic?saved=1");
                }
            }
        }
    }

    /** @param previous the instance id of this web server when the same address comes back restarted, else null */
    private void restartPage(Context ctx, String message, int port, String back, String previous) {
        String host = hostName(ctx);
        String target = "http://" + host + ":" + port;
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; connect-src 'self' " + target
                        + "; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
        Map<String, Object> m = new HashMap<>();
        m.put("model", pages.model());
        m.put("message", message);
        m.put("target", target);
        m.put("returnPath", back);
        m.put("previous", previous);
        pages.render(ctx, 200, "restart.jte", m);
    }

    private static String hostName(Context ctx) {
        String host = ctx.host() == null ? "127.0.0.1" : ctx.host();
        if (host.startsWith("[")) {
            return host.substring(0, host.indexOf(']') + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    // ---- Network Setting › SIP Server ----

    private void sip(Context ctx, int status, SipServerSettings s, FormErrors errors, Notice notice) {
        pages.console(
                ctx,
                status,
                "console/network/sip.jte",
                "SIP Server",
                Map.of(
                        "sip",
                        s,
                        "errors",
                        errors.withIds(SIP_IDS),
                        "notice",
                        notice,
                        "altLocked",
                        installation.sipServer().altEnabled()));
    }

    private void saveSip(Context ctx) {
        Form f = new Form(ctx);
        SipServerSettings old = installation.sipServer();
        SipServerSettings s;
        if (old.altEnabled()) {
            // Alternate Server enabled: the page lets only the VTS IP and the Enable box change (Table 4-1).
            // blank passwords keep the stored ones (Installation.updateSipServer)
            s = old.toBuilder()
                    .password("")
                    .loginPassword("")
                    .altPassword("")
                    .centrePassword("")
                    .altVtsIpAddress(f.str("altVtsIpAddress"))
                    .altEnabled(f.checked("altEnabled"))
                    .build();
        } else {
            int port = f.integer("port", "Port");
            s = SipServerSettings.builder()
                    .enabled(f.checked("enabled"))
                    .type(ServerType.parse(f.str("type")).orElse(null))
                    .ipAddress(f.str("ipAddress"))
                    .port(port)
                    .username(f.str("username"))
                    .password(f.raw("password"))
                    .domain(f.str("domain"))
                    .loginUsername(f.str("loginUsername"))
                    .loginPassword(f.raw("loginPassword"))
                    .altIpAddress(f.str("altIpAddress"))
                    .altUsername(f.str("altUsername"))
                    .altPassword(f.raw("altPassword"))
                    .altVtsIpAddress(f.str("altVtsIpAddress"))
                    .altEnabled(f.checked("altEnabled"))
                    .supportBuilding(f.checked("supportBuilding"))
                    .supportUnit(f.checked("supportUnit"))
                    .centrePassword(f.raw("centrePassword"))
                    .build();
        }
        if (!f.violations.isEmpty()) {
            sip(ctx, 400, s, new FormErrors(f.violations.list()), new Notice("error", "Nothing was saved."));
            return;
        }
        switch (installation.updateSipServer(s)) {
            case Result.Rejected<Installation.Change> r ->
                sip(ctx, 400, s, new FormErrors(r.errors()), new Notice("error", "Nothing was saved."));
            case Result.Applied<Installation.Change> a -> ctx.redirect("/console/network/sip?saved=sip");
        }
    }

    // ---- VTO No. Management ----

    private void vtos(Context ctx, int status, VtoEntry form, boolean editing, FormErrors errors, Notice notice) {
        Map<String, Object> m = new HashMap<>();
        m.put("vtos", installation.vtos());
        m.put("form", form);
        m.put("editing", editing);
        m.put("buildUnitAvailable", !installation.sipServer().thisVtoIsServer());
        m.put("errors", errors);
        m.put("notice", notice);
        m.put("warning", installation.vtoListWarning().orElse(null));
        m.put("status", vtoStatusText());
        pages.console(ctx, status, "console/household/vto.jte", "VTO No. Management", m);
    }

    private static VtoEntry vtoForm(Context ctx, String recNo) {
        Form f = new Form(ctx);
        return new VtoEntry(
                recNo == null ? "" : recNo.strip(),
                f.raw("registerPassword"),
                f.str("buildingNo"),
                f.str("unitNo"),
                f.str("ipAddress"),
                f.str("username"),
                f.raw("password"));
    }

    private static VtoEntry blankVto() {
        return new VtoEntry("", Installation.newRegisterPassword(), "", "", "", "", "");
    }

    // ---- Room No. Management ----

    private void rooms(
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
        long total = installation.countRooms(search);
        int pageCount = (int) Math.max(1, (total + ROOMS_PER_PAGE - 1) / ROOMS_PER_PAGE);
        int page = Math.min(ConsoleController.parsePage(ctx.queryParam("page")), pageCount);
        Map<String, Object> m = new HashMap<>();
        m.put("rooms", installation.rooms(search, (page - 1) * ROOMS_PER_PAGE, ROOMS_PER_PAGE));
        m.put("total", total);
        m.put("page", page);
        m.put("pages", pageCount);
        m.put("search", search);
        m.put("form", form);
        m.put("formRoomNo", formRoomNo);
        m.put("editing", editing);
        m.put("batchForm", batchForm);
        m.put("errors", errors);
        m.put("notice", notice);
        m.put("connectionProblem", installation.connectionProblem().orElse(null));
        m.put("statusUnavailable", services.registrations().unavailableReason().orElse(null));
        m.put("status", statusText());
        pages.console(ctx, status, "console/household/rooms.jte", "Room No. Management", m);
    }

    private void addRoom(Context ctx) {
        Form f = new Form(ctx);
        String number = f.str("roomNo");
        RoomDevice r = new RoomDevice(
                RoomNumber.parse(number).orElse(null),
                f.str("firstName"),
                f.str("lastName"),
                f.str("nickName"),
                RegisterType.parse(f.str("registerType")).orElse(null),
                f.raw("registerPassword"));
        RoomDevice shown = r.number() == null
                ? new RoomDevice(
                        null, r.firstName(), r.lastName(), r.nickName(), r.registerType(), r.registerPassword())
                : r;
        outcome(
                ctx,
                installation.addRoom(r),
                "/console/household/rooms",
                errs -> rooms(
                        ctx, 400, shown, number, false, Map.of(), errs, new Notice("error", "Nothing was saved.")));
    }

    private void updateRoom(Context ctx) {
        Optional<RoomNumber> n = roomNumber(ctx);
        if (n.isEmpty()) {
            ctx.redirect("/console/household/rooms");
            return;
        }
        Form f = new Form(ctx);
        RoomDevice r = new RoomDevice(
                n.get(),
                f.str("firstName"),
                f.str("lastName"),
                f.str("nickName"),
                RegisterType.parse(f.str("registerType")).orElse(null),
                f.raw("registerPassword"));
        outcome(
                ctx,
                installation.updateRoom(n.get(), r),
                "/console/household/rooms",
                errs -> rooms(
                        ctx,
                        400,
                        r,
                        n.get().toString(),
                        true,
                        Map.of(),
                        errs,
                        new Notice("error", "Nothing was saved.")));
    }

    private void startBatch(Context ctx) {
        Form f = new Form(ctx);
        Map<String, String> raw = Map.of(
                "layers",
                f.str("layers"),
                "roomsPerLayer",
                f.str("roomsPerLayer"),
                "firstFloorNo",
                f.str("firstFloorNo"),
                "secondFloorNo",
                f.str("secondFloorNo"));
        BatchSpec spec = new BatchSpec(
                f.integer("layers", "Unit Layer Amount"),
                f.integer("roomsPerLayer", "Room Amount in One Layer"),
                f.integer("firstFloorNo", "First Floor Number"),
                f.integer("secondFloorNo", "Second Floor Number"));
        // report every rule the form breaks at once: the domain's rules for the fields that are numbers, next to
        // the "must be a whole number" errors of those that are not
        List<FieldError> errors = new java.util.ArrayList<>(f.violations.list());
        int total = 0;
        switch (installation.planBatch(spec)) {
            case Result.Rejected<List<String>> r ->
                r.errors().stream()
                        .filter(e -> errors.stream().noneMatch(x -> x.field().equals(e.field())))
                        .forEach(errors::add);
            case Result.Applied<List<String>> plan -> total = plan.value().size();
        }
        if (!errors.isEmpty()) {
            rooms(
                    ctx,
                    400,
                    blankRoom(),
                    "",
                    false,
                    raw,
                    new FormErrors(errors),
                    new Notice("error", "Nothing was added."));
            return;
        }
        ctx.redirect("/console/household/rooms/batch/" + batches.start(spec, total));
    }

    private void batchProgress(Context ctx) {
        batches.get(ctx.pathParam("id"))
                .ifPresentOrElse(
                        job -> pages.console(
                                ctx,
                                200,
                                "console/household/batch.jte",
                                "Add in Batch",
                                Map.of(
                                        "jobId",
                                        ctx.pathParam("id"),
                                        "done",
                                        job.done.get(),
                                        "total",
                                        job.total,
                                        "finished",
                                        job.finished(),
                                        "summary",
                                        job.finished() ? job.summary : "")),
                        () -> ctx.redirect("/console/household/rooms"));
    }

    private static Optional<RoomNumber> roomNumber(Context ctx) {
        String index = ctx.pathParam("index");
        return index.matches("[0-9]{1,2}") ? RoomNumber.parse(ctx.pathParam("room") + "#" + index) : Optional.empty();
    }

    private static RoomDevice blankRoom() {
        return new RoomDevice(null, "", "", "", RegisterType.PUBLIC, Installation.newRegisterPassword());
    }

    /** This VTO does not register with itself, yet it is running: it shows as online. */
    private Function<String, String> vtoStatusText() {
        String own = installation.deviceProperties().vtoNumber();
        Function<String, String> others = statusText();
        return recNo -> recNo.equals(own) ? "Online · this VTO" : others.apply(recNo);
    }

    private Function<String, String> statusText() {
        return user -> services.registrations()
                .lookup(user)
                .map(reg -> "Online · " + reg.contact())
                .orElse("Offline");
    }

    // ---- Local Setting › System (backup / restore) ----

    private void system(Context ctx, int status, FormErrors errors, Notice notice) {
        pages.console(ctx, status, "console/system.jte", "System", Map.of("errors", errors, "notice", notice));
    }

    private void importConfig(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            system(
                    ctx,
                    400,
                    new FormErrors(List.of(new FieldError("file", "Choose a configuration file"))),
                    new Notice("error", "Nothing was imported."));
            return;
        }
        String text;
        try (var in = file.content()) {
            text = new String(in.readNBytes(8 * 1024 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        switch (ConfigurationFile.restore(installation, text)) {
            case Result.Rejected<Installation.Change> r ->
                system(
                        ctx,
                        400,
                        new FormErrors(r.errors()),
                        new Notice(
                                "error",
                                "Nothing was imported: the file has "
                                        + r.errors().size() + " problem(s)."));
            case Result.Applied<Installation.Change> a -> ctx.redirect("/console/local/system?saved=imported");
        }
    }

    // ---- helpers ----

    private static Notice saved(Context ctx) {
        String text = SAVED_MESSAGES.get(String.valueOf(ctx.queryParam("saved")));
        if (text == null) {
            return Notice.NONE;
        }
        String n = ctx.queryParam("n");
        if ("cleared".equals(ctx.queryParam("saved")) && n != null && n.matches("[0-9]{1,6}")) {
            text = n + (n.equals("1") ? " room was deleted." : " rooms were deleted.");
        }
        return new Notice("ok", text);
    }

    // ---- Local Setting › System › Reboot ----

    /** Restarts every service in-process (seed 4.2.4 step 4 "restart the device"), then reconnects. */
    private void reboot(Context ctx) {
        if (!"yes".equals(ctx.formParam("confirm"))) {
            ctx.redirect("/console/local/system/reboot");
            return;
        }
        // the restart begins on its own thread; the graceful stop lets this response go out first
        installation.requestReboot();
        restartPage(ctx, "The VTO is restarting all services.", ctx.port(), "/", instance);
    }

    private void outcome(
            Context ctx,
            Result<Installation.Change> result,
            String back,
            java.util.function.Consumer<FormErrors> onError) {
        switch (result) {
            case Result.Rejected<Installation.Change> r -> onError.accept(new FormErrors(r.errors()));
            case Result.Applied<Installation.Change> a -> ctx.redirect(back + "?saved=1");
        }
    }
}
