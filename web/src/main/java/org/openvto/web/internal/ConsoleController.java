package org.openvto.web.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvto.household.Installation;
import org.openvto.security.AccountService;
import org.openvto.security.AccountService.ChangeResult;
import org.openvto.security.SecurityConfig;
import org.openvto.security.SecurityLogFilter;
import org.openvto.security.SecurityLogStore;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** The console pages behind the menu tree. */
final class ConsoleController {
    static final int LOG_PAGE_SIZE = 50;

    /** Menu pages whose feature this firmware does not have yet, with the empty-state text they show. */
    private static final Map<String, String> NOT_YET = Map.ofEntries(
            Map.entry(
                    "/console/local/video-audio",
                    "Video and audio settings are not available in this firmware version."),
            Map.entry(
                    "/console/local/access-control",
                    "Access control settings are not available in this firmware version."),
            Map.entry("/console/network/firewall", "Firewall settings are not available in this firmware version."),
            Map.entry("/console/records/calls", "No call records."),
            Map.entry("/console/records/alarms", "No alarm records."),
            Map.entry("/console/records/unlocks", "No unlock records."));

    private final Pages pages;
    private final AccountService accounts;
    private final SecurityLogStore securityLog;
    private final SecurityConfig security;
    private final Installation installation;
    private final ZoneId zone;

    ConsoleController(
            Pages pages,
            AccountService accounts,
            SecurityLogStore securityLog,
            SecurityConfig security,
            Installation installation,
            ZoneId zone) {
        this.pages = pages;
        this.accounts = accounts;
        this.securityLog = securityLog;
        this.security = security;
        this.installation = installation;
        this.zone = zone;
    }

    void register(RoutesConfig routes) {
        routes.get(
                "/",
                ctx -> pages.console(
                        ctx,
                        200,
                        "console/home.jte",
                        "Main Interface",
                        Map.of("progress", installation.setupProgress())));
        routes.get("/console/local/security", ctx -> passwordPage(ctx, 200, FormErrors.NONE, Notice.NONE));
        routes.post("/console/local/security", this::changePassword);
        routes.get("/console/records/security", this::securityLogPage);
        NOT_YET.forEach((path, message) -> routes.get(
                path, ctx -> pages.console(ctx, 200, "console/empty.jte", path, Map.of("message", message))));
    }

    private void passwordPage(Context ctx, int status, FormErrors errors, Notice notice) {
        pages.console(
                ctx,
                status,
                "console/security.jte",
                "Security",
                Map.of(
                        "errors",
                        errors,
                        "notice",
                        notice,
                        "lockThreshold",
                        security.lockoutThreshold(),
                        "lockMinutes",
                        security.lockoutDuration().toMinutes()));
    }

    private void changePassword(Context ctx) {
        String user = ctx.attribute(WebAuth.USER);
        switch (accounts.changePassword(
                user, ctx.formParam("oldPassword"), ctx.formParam("password"), ctx.formParam("confirm"), ctx.ip())) {
            case ChangeResult.Changed c ->
                passwordPage(ctx, 200, FormErrors.NONE, new Notice("ok", "Password changed."));
            case ChangeResult.Rejected r ->
                passwordPage(
                        ctx, 400, new FormErrors(r.errors()), new Notice("error", "The password was not changed."));
        }
    }

    private void securityLogPage(Context ctx) {
        Map<String, String> form = new HashMap<>();
        for (String name : List.of("from", "to", "type")) {
            form.put(name, Optional.ofNullable(ctx.queryParam(name)).orElse("").strip());
        }
        LogQuery.Parsed query = LogQuery.parse(form.get("from"), form.get("to"), form.get("type"), zone);
        SecurityLogFilter filter = query.errors().isEmpty() ? query.filter() : SecurityLogFilter.ALL;
        int page = parsePage(ctx.queryParam("page"));
        long total = securityLog.count(filter);
        int pages = (int) Math.max(1, (total + LOG_PAGE_SIZE - 1) / LOG_PAGE_SIZE);
        page = Math.min(page, pages);
        var entries = securityLog.newest(filter, (page - 1) * LOG_PAGE_SIZE, LOG_PAGE_SIZE);
        String zoneText = zone.getId() + " (UTC" + zone.getRules().getOffset(java.time.Instant.now()) + ")";
        String query0 =
                "from=" + enc(form.get("from")) + "&to=" + enc(form.get("to")) + "&type=" + enc(form.get("type"));
        Map<String, Object> m = new HashMap<>();
        m.put("entries", entries);
        m.put("page", page);
        m.put("pages", pages);
        m.put("total", total);
        m.put("form", form);
        m.put("types", LogQuery.TYPES);
        m.put("errors", new FormErrors(query.errors()));
        m.put("zoneText", zoneText);
        m.put("time", (java.util.function.Function<java.time.Instant, String>) at -> LogQuery.local(at, zone));
        m.put("query", query0);
        this.pages.console(ctx, query.errors().isEmpty() ? 200 : 400, "console/security_log.jte", "Security Log", m);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static int parsePage(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,6}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(raw));
    }
}
