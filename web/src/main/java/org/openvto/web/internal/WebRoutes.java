package org.openvto.web.internal;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import org.openvto.household.Actor;
import org.openvto.web.HttpConfig;
import org.openvto.web.WebServices;
import org.openvto.web.WebSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the gate, the controllers and the error handlers onto Javalin's routes. */
public final class WebRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WebRoutes.class);
    private final WebServices services;
    private final WebAuth webAuth;
    private final Pages pages;

    public WebRoutes(HttpConfig http, WebServices services) {
        this.services = services;
        this.webAuth = new WebAuth(services, http, services.sessions());
        this.pages = new Pages(services.device());
    }

    public void register(RoutesConfig routes) {
        routes.before(webAuth::before);
        // the user and address the gate authenticated become the actor of any configuration change this request
        // makes, so the security log says who changed what from where
        routes.before(ctx -> {
            String user = ctx.attribute(WebAuth.USER);
            if (user != null) {
                Actor.bind(new Actor(user, ctx.ip()));
            }
        });
        routes.after(ctx -> Actor.clear());
        routes.exception(Halt.class, (halt, ctx) -> halt.respond(ctx));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Json.error(ctx, 500, "internal error");
        });
        routes.error(404, ctx -> {
            if (ctx.path().startsWith("/api/")) {
                Json.error(ctx, 404, "no such resource: " + ctx.path());
            } else if (ctx.attribute(Pages.RENDERED) == null) {
                // an unknown address: the framework's own "Not Found" text is replaced by the console's page
                pages.render(ctx, 404, "not_found.jte", Map.of("model", pages.model(), "path", ctx.path()));
            }
        });
        routes.error(405, ctx -> Json.error(ctx, 405, "method not allowed"));
        new StaticResources().register(routes);
        // identifies this web server instance, so the reconnect page can tell the restarted server from the old one
        String instance = WebSessions.newId().substring(0, 12);
        new HealthController(services, webAuth, instance).register(routes);
        new InitController(services.accounts(), pages, new PendingInits(services.clock())).register(routes);
        new LoginController(services.auth(), webAuth, pages, services.bus()).register(routes);
        new ConsoleController(
                        pages,
                        services.accounts(),
                        services.securityLog(),
                        services.security(),
                        services.installation(),
                        services.zone())
                .register(routes);
        new ApiController(services, webAuth).register(routes);
        new InstallationPages(pages, services, instance).register(routes);
        new InstallationApi(services, new InstallationViews(services)).register(routes);
    }
}
