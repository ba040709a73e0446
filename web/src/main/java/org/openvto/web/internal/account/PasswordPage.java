package org.openvto.web.internal.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.openvto.security.AccountService;
import org.openvto.security.AccountService.ChangeResult;
import org.openvto.security.SecurityConfig;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.WebAuth;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** Local Setting › Security: the logged-in user changes their password (old password, new, confirmation). */
public final class PasswordPage {
    private static final String PATH = "/console/local/security";
    private final Pages pages;
    private final AccountService accounts;
    private final SecurityConfig security;

    public PasswordPage(Pages pages, AccountService accounts, SecurityConfig security) {
        this.pages = pages;
        this.accounts = accounts;
        this.security = security;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, 200, FormErrors.NONE, Notice.NONE));
        routes.post(PATH, this::change);
    }

    private void show(Context ctx, int status, FormErrors errors, Notice notice) {
        pages.console(
                ctx,
                status,
                "console/security.jte",
                "Security",
                new PasswordView(
                        errors,
                        notice,
                        security.lockoutThreshold(),
                        security.lockoutDuration().toMinutes()));
    }

    private void change(Context ctx) {
        String user = ctx.attribute(WebAuth.USER);
        switch (accounts.changePassword(
                user, ctx.formParam("oldPassword"), ctx.formParam("password"), ctx.formParam("confirm"), ctx.ip())) {
            case ChangeResult.Changed c -> show(ctx, 200, FormErrors.NONE, new Notice("ok", "Password changed."));
            case ChangeResult.Rejected r ->
                show(ctx, 400, new FormErrors(r.errors()), new Notice("error", "The password was not changed."));
        }
    }
}
