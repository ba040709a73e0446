package org.openvto.web.internal.records;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.openvto.csv.Csv;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;

/**
 * {@code GET /api/v1/records/{kind}?from&to&type&room&result&offset&limit} — newest first with the total — and
 * {@code GET /api/v1/records/{kind}/export.csv?…}: every record the filter matches, streamed from the store in
 * batches as it is written (a million rows never sit in memory), times in the VTO's zone, with a UTF-8 BOM so
 * spreadsheets read names right. A bad filter answers 400 naming the parameter.
 */
public final class RecordsApi {
    private final List<RecordKind<?>> kinds;
    private final ZoneId zone;
    private final Clock clock;

    public RecordsApi(List<RecordKind<?>> kinds, ZoneId zone, Clock clock) {
        this.kinds = kinds;
        this.zone = zone;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        for (RecordKind<?> kind : kinds) {
            routes.get("/api/v1/records/" + kind.name(), ctx -> list(ctx, kind));
            routes.get("/api/v1/records/" + kind.name() + "/export.csv", ctx -> export(ctx, kind));
        }
    }

    static RecordQuery.Parsed query(Context ctx, RecordKind<?> kind, ZoneId zone) {
        return RecordQuery.parse(
                kind,
                ctx.queryParam("from"),
                ctx.queryParam("to"),
                ctx.queryParam("type"),
                ctx.queryParam("room"),
                ctx.queryParam("result"),
                zone);
    }

    private <R> void list(Context ctx, RecordKind<R> kind) {
        int offset = ApiResults.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = ApiResults.intParam(ctx, "limit", 100, 1, 1000);
        RecordQuery.Parsed q = query(ctx, kind, zone);
        if (!q.errors().isEmpty()) {
            Json.invalid(ctx, q.errors());
            return;
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("total", kind.store().count(q.filter()));
        ArrayNode list = out.putArray("records");
        kind.store()
                .search(q.filter(), offset, limit)
                .forEach(r -> list.add(kind.json().apply(r)));
        Json.send(ctx, 200, out);
    }

    private <R> void export(Context ctx, RecordKind<R> kind) throws IOException {
        RecordQuery.Parsed q = query(ctx, kind, zone);
        if (!q.errors().isEmpty()) {
            Json.invalid(ctx, q.errors());
            return;
        }
        String file =
                "openvto-" + kind.name() + "-" + clock.instant().toString().substring(0, 10) + ".csv";
        ctx.status(200);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.header("Cache-Control", "no-store");
        BufferedWriter out =
                new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 64 * 1024);
        out.write('\uFEFF');
        out.write(Csv.line(kind.header()));
        kind.store().forEach(q.filter(), r -> {
            try {
                out.write(Csv.line(kind.csv().fields(r, zone)));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the client went away: stop reading the store
            }
        });
        out.flush();
    }
}
