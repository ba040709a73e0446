package org.openvto.web.internal.records;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvto.records.RecordFilter;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.Paging;
import org.openvto.web.internal.TimeQuery;
import org.openvto.web.internal.view.FormErrors;

/**
 * Log / Record Search › Call, Alarm and Unlock Records: one page for every {@link RecordKind}, newest first,
 * filtered by time range (VTO time), type, room and result, 50 to a page, with the CSV export of the same filter.
 * The table shows the columns of the CSV.
 */
public final class RecordsPage {
    static final int PAGE_SIZE = 50;
    private static final List<String> FIELDS = List.of("from", "to", "type", "room", "result");
    /** What {@code type} and {@code result} are called for each kind. */
    private static final Map<String, List<String>> LABELS = Map.of(
            "unlocks", List.of("Method", "Result"),
            "alarms", List.of("Type", "State"),
            "calls", List.of("Direction", "Outcome"));

    private final Pages pages;
    private final List<RecordKind<?>> kinds;
    private final ZoneId zone;
    private final Clock clock;

    public RecordsPage(Pages pages, List<RecordKind<?>> kinds, ZoneId zone, Clock clock) {
        this.pages = pages;
        this.kinds = kinds;
        this.zone = zone;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        for (RecordKind<?> kind : kinds) {
            routes.get("/console/records/" + kind.name(), ctx -> show(ctx, kind));
        }
    }

    private <R> void show(Context ctx, RecordKind<R> kind) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : FIELDS) {
            form.put(name, Optional.ofNullable(ctx.queryParam(name)).orElse("").strip());
        }
        RecordQuery.Parsed query = RecordsApi.query(ctx, kind, zone);
        RecordFilter filter = query.errors().isEmpty() ? query.filter() : RecordFilter.ALL;
        Paging paging = Paging.of(kind.store().count(filter), PAGE_SIZE, ctx.queryParam("page"));
        List<List<String>> rows = kind.store().search(filter, paging.offset(), PAGE_SIZE).stream()
                .map(r -> kind.csv().fields(r, zone))
                .toList();
        StringBuilder q = new StringBuilder();
        form.forEach((name, value) -> q.append(q.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        List<String> labels = LABELS.getOrDefault(kind.name(), List.of("Type", "Result"));
        pages.console(
                ctx,
                query.errors().isEmpty() ? 200 : 400,
                "console/records.jte",
                kind.title(),
                new RecordsView(
                        kind.name(),
                        kind.header(),
                        rows,
                        paging,
                        form,
                        kind.types(),
                        kind.results(),
                        labels.get(0),
                        labels.get(1),
                        new FormErrors(query.errors()),
                        TimeQuery.zoneText(zone, clock.instant()),
                        q.toString()));
    }
}
