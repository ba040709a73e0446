package org.openvto.web.internal.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.openvto.security.AccountService;
import org.openvto.security.AccountService.ChangeResult;
import org.openvto.web.internal.Json;
import org.openvto.web.internal.WebAuth;

/** {@code PUT /api/v1/account/password}: the authenticated user changes their password. */
public final class PasswordApi {
    private final AccountService accounts;

    public PasswordApi(AccountService accounts) {
        this.accounts = accounts;
    }

    public void register(RoutesConfig routes) {
        routes.put("/api/v1/account/password", this::change);
    }

    private void change(Context ctx) {
        var body = Json.body(ctx);
        String user = ctx.attribute(WebAuth.USER);
        String password = Json.text(body, "password");
        String confirm = body.has("confirm") ? Json.text(body, "confirm") : password;
        switch (accounts.changePassword(user, Json.text(body, "oldPassword"), password, confirm, ctx.ip())) {
            case ChangeResult.Changed c -> ctx.status(204);
            case ChangeResult.Rejected r -> Json.invalid(ctx, r.errors());
        }
    }
}
