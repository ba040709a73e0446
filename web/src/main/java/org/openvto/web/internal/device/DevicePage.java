package org.openvto.web.internal.device;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.openvto.device.DeviceProperties;
import org.openvto.device.SystemType;
import org.openvto.household.DevicePropertiesService;
import org.openvto.household.SipServerService;
import org.openvto.network.SipServerSettings;
import org.openvto.web.internal.Form;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * Local Setting › Basic › Device Properties (Quick Start Guide 4.2.2, 4.2.4). Building and Unit No. show only
 * when the SIP server settings support them; VTO No. is fixed while this VTO is the SIP server.
 */
public final class DevicePage {
    private static final String PATH = "/console/local/basic";
    private final Pages pages;
    private final DevicePropertiesService device;
    private final SipServerService sipServer;

    public DevicePage(Pages pages, DevicePropertiesService device, SipServerService sipServer) {
        this.pages = pages;
        this.device = device;
        this.sipServer = sipServer;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, 200, device.current(), FormErrors.NONE, Saved.notice(ctx)));
        routes.post(PATH, this::save);
    }

    private void show(Context ctx, int status, DeviceProperties p, FormErrors errors, Notice notice) {
        SipServerSettings sip = sipServer.current();
        pages.console(
                ctx,
                status,
                "console/basic.jte",
                "Basic",
                new DevicePropertiesView(
                        p,
                        errors,
                        notice,
                        sip.buildingVisible(),
                        sip.unitVisible(),
                        !sip.thisVtoIsServer(),
                        device.connectionProblem().orElse(null)));
    }

    private void save(Context ctx) {
        Form f = new Form(ctx);
        DeviceProperties p = new DeviceProperties(
                f.str("deviceName"),
                f.str("vtoNumber"),
                SystemType.parse(f.str("systemType")).orElse(null),
                f.str("buildingNo"),
                f.str("unitNo"));
        Saved.outcome(ctx, device.update(p), PATH, errs -> show(ctx, 400, p, errs, Saved.NOTHING_SAVED));
    }
}
