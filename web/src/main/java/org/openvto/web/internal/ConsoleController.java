package org.openvto.web.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.openvto.security.AccountService;
import org.openvto.security.AccountService.ChangeResult;
import org.openvto.security.SecurityConfig;
import org.openvto.security.SecurityLogStore;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** The console pages behind the menu tree. */
final class ConsoleController {
    static final int LOG_PAGE_SIZE = 50;

    /** Menu pages whose feature this firmware does not have yet, with the empty-state text they show. */
    private static final Map<String, String> NOT_YET = Map.ofEntries(
            Map.entry("/console/local/video-audio", "Video and audio settings are not available in this firmware version."),
            Map.entry("/console/local/access-control", "Access control settings are not available in this firmware version."),
            Map.entry("/console/network/firewall", "Firewall settings are not available in this firmware version."),
            Map.entry("/console/records/calls", "No call records."),
            Map.entry("/console/records/alarms", "No alarm records."),
            Map.entry("/console/records/unlocks", "No unlock records."));

    private final Pages pages;
    private final AccountService accounts;
    private final SecurityLogStore securityLog;
    private final SecurityConfig security;

    ConsoleController(Pages pages, AccountService accounts, SecurityLogStore securityLog, SecurityConfig security) {
        this.pages = pages;
        this.accounts = accounts;
        this.securityLog = securityLog;
        this.security = security;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> pages.console(ctx, 200, "console/home.jte", "Main Interface", Map.of()));
        routes.get("/console/local/security", ctx -> passwordPage(ctx, 200, FormErrors.NONE, Notice.NONE));
        routes.post("/console/local/security", this::changePassword);
        routes.get("/console/records/security", this::securityLogPage);
        NOT_YET.forEach((path, message) -> routes.get(path,
                ctx -> pages.console(ctx, 200, "console/empty.jte", path, Map.of("message", message))));
    }

    private void passwordPage(Context ctx, int status, FormErrors errors, Notice notice) {
        pages.console(ctx, status, "console/security.jte", "Security", Map.of("errors", errors, "notice", notice,
                "lockThreshold", security.lockoutThreshold(), "lockMinutes", security.lockoutDuration().toMinutes()));
    }

    private void changePassword(Context ctx) {
        String user = ctx.attribute(WebAuth.USER);
        switch (accounts.changePassword(user, ctx.formParam("oldPassword"), ctx.formParam("password"),
                ctx.formParam("confirm"), ctx.ip())) {
            case ChangeResult.Changed c -> passwordPage(ctx, 200, FormErrors.NONE, new Notice("ok", "Password changed."));
            case ChangeResult.Rejected r -> passwordPage(ctx, 400, new FormErrors(r.errors()),
                    new Notice("error", "The password was not changed."));
        }
    }

    private void securityLogPage(Context ctx) {
        int page = parsePage(ctx.queryParam("page"));
        long total = securityLog.count();
        int pages = (int) Math.max(1, (total + LOG_PAGE_SIZE - 1) / LOG_PAGE_SIZE);
        page = Math.min(page, pages);
        var entries = securityLog.newest((page - 1) * LOG_PAGE_SIZE, LOG_PAGE_SIZE);
        this.pages.console(ctx, 200, "console/security_log.jte", "Security Log",
                Map.of("entries", entries, "page", page, "pages", pages, "total", total));
    }

    static int parsePage(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,6}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(raw));
    }

}
