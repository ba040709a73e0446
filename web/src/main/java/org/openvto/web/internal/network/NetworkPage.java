package org.openvto.web.internal.network;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.openvto.household.Change;
import org.openvto.household.NetworkService;
import org.openvto.household.Service;
import org.openvto.network.NetworkSettings;
import org.openvto.validation.Result;
import org.openvto.web.HostAddresses;
import org.openvto.web.internal.Form;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.RestartPage;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * Network Setting › Basic (Quick Start Guide 4.2.3). A save that moves the web server answers the reconnect
 * page, which waits for the server on its new port.
 */
public final class NetworkPage {
    private static final String PATH = "/console/network/basic";
    private final Pages pages;
    private final NetworkService network;
    private final HostAddresses hostAddresses;

    public NetworkPage(Pages pages, NetworkService network, HostAddresses hostAddresses) {
        this.pages = pages;
        this.network = network;
        this.hostAddresses = hostAddresses;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, 200, network.current(), FormErrors.NONE, Saved.notice(ctx)));
        routes.post(PATH, this::save);
    }

    private void show(Context ctx, int status, NetworkSettings n, FormErrors errors, Notice notice) {
        NetworkSettings stored = network.current();
        String listening = "the address set by http.bind-address, port " + stored.httpPort();
        pages.console(
                ctx,
                status,
                "console/network/basic.jte",
                "Basic",
                new NetworkView(
                        n, errors, notice, hostAddresses.isLocal(stored.ipAddress()), listening, stored.ipAddress()));
    }

    private void save(Context ctx) {
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
            show(ctx, 400, network.current(), new FormErrors(f.violations.list()), Saved.NOTHING_SAVED);
            return;
        }
        switch (network.update(n)) {
            case Result.Rejected<Change> r -> show(ctx, 400, n, new FormErrors(r.errors()), Saved.NOTHING_SAVED);
            case Result.Applied<Change> a -> {
                if (a.value().restart().contains(Service.HTTP)) {
                    RestartPage.show(
                            ctx,
                            pages,
                            "Saved. The web service restarts on port " + n.httpPort() + ".",
                            n.httpPort(),
                            PATH + "?saved=1",
                            null);
                } else {
                    ctx.redirect(PATH + "?saved=1");
                }
            }
        }
    }
}
