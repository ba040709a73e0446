package org.openvto.web.internal.video;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import java.util.Locale;
import org.openvto.backup.ConfigurationFile;
import org.openvto.household.VideoService;
import org.openvto.web.Camera;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;

/**
 * {@code /api/v1/video}: Local Setting › Video &amp; Audio (GET, PUT; missing fields keep their values, a blank or
 * missing {@code relayPassword} keeps the stored one, which is never read back: {@code relayPasswordSet} says
 * whether there is one), and {@code GET /api/v1/video/status}: what each stream is doing now.
 */
public final class VideoApi {
    private final VideoService video;
    private final Camera camera;

    public VideoApi(VideoService video, Camera camera) {
        this.video = video;
        this.camera = camera;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/video", ctx -> Json.send(ctx, 200, json()));
        routes.put("/api/v1/video", ctx -> {
            var next = ConfigurationFile.video(Json.body(ctx), ApiResults.reader(ctx), video.current());
            ApiResults.apply(ctx, () -> video.update(next), this::json);
        });
        routes.get("/api/v1/video/status", ctx -> Json.send(ctx, 200, status()));
    }

    private ObjectNode json() {
        ObjectNode n = ConfigurationFile.video(video.current());
        n.put("commandsAllowed", video.commandsAllowed());
        return n;
    }

    private ObjectNode status() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode streams = root.putArray("streams");
        for (Camera.StreamStatus s : camera.status()) {
            ObjectNode n = streams.addObject();
            n.put("stream", s.stream().name().toLowerCase(Locale.ROOT))
                    .put("source", s.source())
                    .put("state", s.state())
                    .put("detail", s.detail())
                    .put("since", s.since().toString())
                    .put("width", s.width())
                    .put("height", s.height())
                    .put("measuredFps", Math.round(s.measuredFps() * 10) / 10.0)
                    .put("restarts", s.restarts())
                    .put("viewers", s.viewers());
            if (s.cpuPercent() >= 0) {
                n.put("cpuPercent", Math.round(s.cpuPercent() * 10) / 10.0);
            } else {
                n.putNull("cpuPercent");
            }
        }
        return root;
    }
}
