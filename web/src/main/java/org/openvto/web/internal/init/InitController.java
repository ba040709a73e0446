package org.openvto.web.internal.init;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.openvto.security.Account;
import org.openvto.security.AccountService;
import org.openvto.security.AccountService.InitResult;
import org.openvto.security.AccountService.PrepareResult;
import org.openvto.validation.FieldError;
import org.openvto.web.internal.Json;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.WebAuth;
import org.openvto.web.internal.view.FormErrors;

/**
 * Device Init (Quick Start Guide 4.2.1): password and confirmation → optional e-mail for password reset →
 * "initialization succeeded" → Login. Also {@code POST /api/v1/init} for automated installs.
 */
public final class InitController {
    private static final String PENDING_COOKIE = "OPENVTO_INIT";
    private final AccountService accounts;
    private final Pages pages;
    private final PendingInits pending;

    public InitController(AccountService accounts, Pages pages, PendingInits pending) {
        this.accounts = accounts;
        this.pages = pages;
        this.pending = pending;
    }

    public void register(RoutesConfig routes) {
        routes.get("/init", ctx -> passwordPage(ctx, 200, FormErrors.NONE));
        routes.post("/init", this::submitPassword);
        routes.get("/init/email", ctx -> emailPage(ctx, 200, FormErrors.NONE, "", false));
        routes.post("/init/email", this::submitEmail);
        routes.get("/init/done", ctx -> {
            if (!accounts.initialized()) {
                ctx.redirect("/init");
                return;
            }
            pages.bare(ctx, 200, "init_done.jte");
        });
        routes.post("/api/v1/init", this::api);
    }

    private void passwordPage(Context ctx, int status, FormErrors errors) {
        pages.bare(ctx, status, "init_password.jte", new InitPasswordView(errors));
    }

    private void emailPage(Context ctx, int status, FormErrors errors, String email, boolean enabled) {
        if (pending.get(ctx.cookie(PENDING_COOKIE)).isEmpty()) {
            ctx.redirect("/init");
            return;
        }
        pages.bare(ctx, status, "init_email.jte", new InitEmailView(errors, email, enabled));
    }

    private void submitPassword(Context ctx) {
        switch (accounts.prepare(Account.ADMIN, ctx.formParam("password"), ctx.formParam("confirm"))) {
            case PrepareResult.Rejected r -> passwordPage(ctx, 400, new FormErrors(r.errors()));
            case PrepareResult.Ready r -> {
                pending.remove(ctx.cookie(PENDING_COOKIE));
                ctx.cookie(WebAuth.cookie(PENDING_COOKIE, pending.put(r.password()), -1));
                ctx.redirect("/init/email");
            }
        }
    }

    private void submitEmail(Context ctx) {
        String token = ctx.cookie(PENDING_COOKIE);
        var prepared = pending.get(token);
        if (prepared.isEmpty()) {
            ctx.redirect("/init");
            return;
        }
        boolean enabled = ctx.formParam("emailEnabled") != null;
        String email = enabled ? ctx.formParam("email") : null;
        if (enabled && (email == null || email.isBlank())) {
            emailPage(
                    ctx,
                    400,
                    new FormErrors(java.util.List.of(new FieldError(
                            "email", "Enter the e-mail address, or clear the Email check box to skip it"))),
                    "",
                    true);
            return;
        }
        switch (accounts.initialize(prepared.get(), email, ctx.ip())) {
            case InitResult.Rejected r -> emailPage(ctx, 400, new FormErrors(r.errors()), email, enabled);
            case InitResult.Initialized i -> finish(ctx, token);
            case InitResult.AlreadyInitialized a -> finish(ctx, token);
        }
    }

    private void finish(Context ctx, String token) {
        pending.remove(token);
        ctx.cookie(WebAuth.cookie(PENDING_COOKIE, "", 0));
        ctx.redirect("/init/done");
    }

    private void api(Context ctx) {
        var body = Json.body(ctx);
        String password = Json.text(body, "password");
        String confirm = body.has("confirm") ? Json.text(body, "confirm") : password;
        switch (accounts.initialize(password, confirm, Json.text(body, "email"), ctx.ip())) {
            case InitResult.Rejected r -> Json.invalid(ctx, r.errors());
            case InitResult.Initialized i -> Json.send(ctx, 201, Map.of("initialized", true));
            case InitResult.AlreadyInitialized a -> Json.error(ctx, 409, "device already initialized");
        }
    }
}
