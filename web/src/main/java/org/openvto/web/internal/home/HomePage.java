package org.openvto.web.internal.home;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import org.openvto.household.SetupChecklist;
import org.openvto.web.internal.Pages;

/**
 * The main interface (Quick Start Guide 4.1) with the configuration checklist, and the menu pages whose feature
 * this firmware does not have yet, each with the empty-state text it shows.
 */
public final class HomePage {
    private static final Map<String, String> NOT_YET = Map.ofEntries(
            Map.entry("/console/network/firewall", "Firewall settings are not available in this firmware version."));

    private final Pages pages;
    private final SetupChecklist checklist;

    public HomePage(Pages pages, SetupChecklist checklist) {
        this.pages = pages;
        this.checklist = checklist;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/",
                ctx -> pages.console(
                        ctx, 200, "console/home.jte", "Main Interface", new HomeView(checklist.progress())));
        NOT_YET.forEach((path, message) -> routes.get(
                path, ctx -> pages.console(ctx, 200, "console/empty.jte", path, new EmptyPageView(message))));
    }
}
