package org.openvto.web.internal.login;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.openvto.security.AuthService;
import org.openvto.security.LoginResult;
import org.openvto.security.SecurityEvent;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.WebAuth;
import org.openvto.web.internal.view.Notice;

/** The Login page (Quick Start Guide Figure 4-2) and logout, with the account lock's messages. */
public final class LoginController {
    private final AuthService auth;
    private final WebAuth webAuth;
    private final Pages pages;
    private final org.openvto.event.EventBus bus;

    public LoginController(AuthService auth, WebAuth webAuth, Pages pages, org.openvto.event.EventBus bus) {
        this.auth = auth;
        this.webAuth = webAuth;
        this.pages = pages;
        this.bus = bus;
    }

    public void register(RoutesConfig routes) {
        routes.get("/login", ctx -> page(ctx, 200, "admin", Notice.NONE));
        routes.post("/login", this::submit);
        routes.post("/logout", ctx -> {
            String user = ctx.attribute(WebAuth.USER);
            webAuth.endSession(ctx);
            bus.publish(new SecurityEvent.LoggedOut(user, ctx.ip(), "web logout"));
            ctx.redirect("/login");
        });
    }

    private void page(Context ctx, int status, String username, Notice notice) {
        pages.bare(ctx, status, "login.jte", new LoginView(username, notice));
    }

    private void submit(Context ctx) {
        String username = ctx.formParam("username") == null
                ? ""
                : ctx.formParam("username").strip();
        switch (auth.login(username, ctx.formParam("password"), ctx.ip())) {
            case LoginResult.Success s -> {
                webAuth.startSession(ctx, s.account().username());
                ctx.redirect("/");
            }
            case LoginResult.Rejected r -> {
                webAuth.pause();
                String left = r.attemptsLeft() == 1 ? "1 attempt" : r.attemptsLeft() + " attempts";
                page(
                        ctx,
                        401,
                        username,
                        new Notice(
                                "error",
                                "Wrong user name or password. " + left + " left before the account is locked."));
            }
            case LoginResult.Locked l -> page(ctx, 403, username, new Notice("error", webAuth.lockMessage(l.until())));
        }
    }
}
