package org.openvto.web.internal.snapshot;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import org.openvto.web.Camera;
import org.openvto.web.internal.Json;

/**
 * {@code GET /api/v1/snapshot?stream=main|sub}: the door camera's current picture as {@code image/jpeg} (main when
 * {@code stream} is absent); 400 naming the rule for another value, 503 while the camera has no picture yet.
 * {@code GET /cgi-bin/snapshot.cgi?channel=1} answers the same for Dahua clients (main stream; another channel is
 * 404). Never cached: each request is a new picture.
 */
public final class SnapshotApi {
    private final Camera camera;

    public SnapshotApi(Camera camera) {
        this.camera = camera;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/snapshot", this::snapshot);
        routes.get("/cgi-bin/snapshot.cgi", this::dahua);
    }

    private void snapshot(Context ctx) {
        String raw = Optional.ofNullable(ctx.queryParam("stream")).orElse("main");
        Camera.Stream stream;
        try {
            stream = Camera.Stream.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            Json.error(ctx, 400, "stream must be main or sub");
            return;
        }
        send(ctx, stream);
    }

    private void dahua(Context ctx) {
        String channel = Optional.ofNullable(ctx.queryParam("channel")).orElse("1");
        if (!channel.equals("1")) {
            Json.error(ctx, 404, "this door station has one camera: channel 1");
            return;
        }
        send(ctx, Camera.Stream.MAIN);
    }

    private void send(Context ctx, Camera.Stream stream) {
        Optional<byte[]> jpeg = camera.snapshotJpeg(stream);
        if (jpeg.isEmpty()) {
            ctx.header("Retry-After", "2");
            Json.error(ctx, 503, "the camera has no picture yet");
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/jpeg").result(jpeg.get());
    }
}
