package org.openvto.web.internal.sipserver;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.openvto.household.Change;
import org.openvto.household.SipServerService;
import org.openvto.network.ServerType;
import org.openvto.network.SipServerSettings;
import org.openvto.validation.Result;
import org.openvto.web.internal.Form;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * Network Setting › SIP Server (Quick Start Guide 4.2.4, Table 4-1). While Alternate Server is enabled only the
 * Alternate VTS IP and the Enable box can change; blank password fields keep the stored passwords.
 */
public final class SipServerPage {
    private static final String PATH = "/console/network/sip";
    /** Field names of the form whose inputs have other ids (the error summary links to the inputs). */
    private static final Map<String, String> INPUT_IDS = Map.ofEntries(
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
    private final SipServerService sipServer;
    private final java.util.function.Supplier<org.openvto.call.OwnRegistration> registration;
    private final java.util.function.Supplier<String> vtoNumber;

    public SipServerPage(
            Pages pages,
            SipServerService sipServer,
            java.util.function.Supplier<org.openvto.call.OwnRegistration> registration,
            java.util.function.Supplier<String> vtoNumber) {
        this.pages = pages;
        this.sipServer = sipServer;
        this.registration = registration;
        this.vtoNumber = vtoNumber;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, 200, sipServer.current(), FormErrors.NONE, Saved.notice(ctx)));
        routes.post(PATH, this::save);
    }

    private void show(Context ctx, int status, SipServerSettings s, FormErrors errors, Notice notice) {
        pages.console(
                ctx,
                status,
                "console/network/sip.jte",
                "SIP Server",
                new SipServerView(
                        s,
                        errors.withIds(INPUT_IDS),
                        notice,
                        sipServer.current().altEnabled(),
                        registration.get(),
                        vtoNumber.get()));
    }

    private void save(Context ctx) {
        Form f = new Form(ctx);
        SipServerSettings old = sipServer.current();
        SipServerSettings s = old.altEnabled() ? alternateOnly(f, old) : fromForm(f);
        if (!f.violations.isEmpty()) {
            show(ctx, 400, s, new FormErrors(f.violations.list()), Saved.NOTHING_SAVED);
            return;
        }
        switch (sipServer.update(s)) {
            case Result.Rejected<Change> r -> show(ctx, 400, s, new FormErrors(r.errors()), Saved.NOTHING_SAVED);
            case Result.Applied<Change> a -> ctx.redirect(PATH + "?saved=sip");
        }
    }

    /** Alternate Server enabled: only the VTS IP and the Enable box change (Table 4-1); passwords are kept. */
    private static SipServerSettings alternateOnly(Form f, SipServerSettings old) {
        return old.toBuilder()
                .password("")
                .loginPassword("")
                .altPassword("")
                .centrePassword("")
                .altVtsIpAddress(f.str("altVtsIpAddress"))
                .altEnabled(f.checked("altEnabled"))
                .build();
    }

    private static SipServerSettings fromForm(Form f) {
        int port = f.integer("port", "Port");
        return SipServerSettings.builder()
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
}
