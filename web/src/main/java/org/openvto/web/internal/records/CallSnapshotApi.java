package org.openvto.web.internal.records;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.openvto.records.CallSnapshots;
import org.openvto.web.internal.Json;

/**
 * {@code GET /api/v1/records/calls/{id}/snapshot.jpg}: the JPEG of the visitor taken when call record {@code id}
 * rang, as {@code image/jpeg}; 404 when the record kept none (or was pruned), 400 for an id that is no number. A
 * stored picture never changes, so it may be cached privately.
 */
public final class CallSnapshotApi {
    private final CallSnapshots snapshots;

    public CallSnapshotApi(CallSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/records/calls/{id}/snapshot.jpg", this::snapshot);
    }

    private void snapshot(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            Json.error(ctx, 400, "id must be a call record's number");
            return;
        }
        Optional<byte[]> jpeg = snapshots.get(id);
        if (jpeg.isEmpty()) {
            Json.error(ctx, 404, "call record " + id + " has no snapshot");
            return;
        }
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.contentType("image/jpeg").result(jpeg.get());
    }
}
