package org.openvto.web.internal.vtos;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;
import org.openvto.household.DevicePropertiesService;
import org.openvto.household.RegisterPasswords;
import org.openvto.household.SipServerService;
import org.openvto.household.VtoEntry;
import org.openvto.household.VtoListService;
import org.openvto.web.internal.Form;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.Registrations;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** Household Setting › VTO No. Management (Quick Start Guide 4.2.5, Table 4-2): list, add, modify, delete. */
public final class VtoListPage {
    private static final String PATH = "/console/household/vto";
    private final Pages pages;
    private final VtoListService vtos;
    private final SipServerService sipServer;
    private final DevicePropertiesService device;
    private final Registrations registrations;

    public VtoListPage(
            Pages pages,
            VtoListService vtos,
            SipServerService sipServer,
            DevicePropertiesService device,
            Registrations registrations) {
        this.pages = pages;
        this.vtos = vtos;
        this.sipServer = sipServer;
        this.device = device;
        this.registrations = registrations;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, 200, blank(), false, FormErrors.NONE, Saved.notice(ctx)));
        routes.post(PATH, ctx -> {
            VtoEntry e = fromForm(ctx, ctx.formParam("recNo"));
            Saved.outcome(ctx, vtos.add(e), PATH, errs -> show(ctx, 400, e, false, errs, Notice.NONE));
        });
        routes.get(
                PATH + "/{recNo}",
                ctx -> vtos.find(ctx.pathParam("recNo"))
                        .ifPresentOrElse(
                                v -> show(ctx, 200, withoutPassword(v), true, FormErrors.NONE, Notice.NONE),
                                () -> ctx.redirect(PATH)));
        routes.post(PATH + "/{recNo}", ctx -> {
            VtoEntry e = fromForm(ctx, ctx.pathParam("recNo"));
            Saved.outcome(
                    ctx,
                    vtos.update(ctx.pathParam("recNo"), e),
                    PATH,
                    errs -> show(ctx, 400, e, true, errs, Notice.NONE));
        });
        routes.post(
                PATH + "/{recNo}/delete",
                ctx -> Saved.outcome(
                        ctx,
                        vtos.delete(ctx.pathParam("recNo")),
                        PATH,
                        errs -> show(ctx, 404, blank(), false, errs, Notice.NONE)));
    }

    private void show(Context ctx, int status, VtoEntry form, boolean editing, FormErrors errors, Notice notice) {
        pages.console(
                ctx,
                status,
                "console/household/vto.jte",
                "VTO No. Management",
                new VtoListView(
                        vtos.list(),
                        form,
                        editing,
                        !sipServer.current().thisVtoIsServer(),
                        errors,
                        notice,
                        vtos.warning().orElse(null),
                        statusText()));
    }

    /** This VTO does not register with itself, yet it is running: it shows as online. */
    private Function<String, String> statusText() {
        String own = device.current().vtoNumber();
        Function<String, String> others = registrations.text();
        return recNo -> recNo.equals(own) ? "Online · this VTO" : others.apply(recNo);
    }

    /** The edit form never shows the stored password: blank keeps it. */
    private static VtoEntry withoutPassword(VtoEntry v) {
        return new VtoEntry(
                v.recNo(), v.registerPassword(), v.buildingNo(), v.unitNo(), v.ipAddress(), v.username(), "");
    }

    private static VtoEntry fromForm(Context ctx, String recNo) {
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

    private static VtoEntry blank() {
        return new VtoEntry("", RegisterPasswords.newPassword(), "", "", "", "", "");
    }
}
