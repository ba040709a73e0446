package org.openvto.web.internal.securitylog;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvto.security.SecurityLogFilter;
import org.openvto.security.SecurityLogStore;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.view.FormErrors;

/** Records › Security Log (guide appendix "Secure Auditing"): newest first, filtered by time and type, paged. */
public final class SecurityLogPage {
    static final int PAGE_SIZE = 50;
    private final Pages pages;
    private final SecurityLogStore log;
    private final ZoneId zone;
    private final Clock clock;

    public SecurityLogPage(Pages pages, SecurityLogStore log, ZoneId zone, Clock clock) {
        this.pages = pages;
        this.log = log;
        this.zone = zone;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/console/records/security", this::show);
    }

    private void show(Context ctx) {
        Map<String, String> form = new HashMap<>();
        for (String name : List.of("from", "to", "type")) {
            form.put(name, Optional.ofNullable(ctx.queryParam(name)).orElse("").strip());
        }
        LogQuery.Parsed query = LogQuery.parse(form.get("from"), form.get("to"), form.get("type"), zone);
        SecurityLogFilter filter = query.errors().isEmpty() ? query.filter() : SecurityLogFilter.ALL;
        long total = log.count(filter);
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Saved.page(ctx.queryParam("page")), pageCount);
        String zoneText = zone.getId() + " (UTC" + zone.getRules().getOffset(clock.instant()) + ")";
        String queryString =
                "from=" + enc(form.get("from")) + "&to=" + enc(form.get("to")) + "&type=" + enc(form.get("type"));
        pages.console(
                ctx,
                query.errors().isEmpty() ? 200 : 400,
                "console/security_log.jte",
                "Security Log",
                new SecurityLogView(
                        log.newest(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE),
                        page,
                        pageCount,
                        total,
                        form,
                        LogQuery.TYPES,
                        new FormErrors(query.errors()),
                        zoneText,
                        at -> LogQuery.local(at, zone),
                        queryString));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
