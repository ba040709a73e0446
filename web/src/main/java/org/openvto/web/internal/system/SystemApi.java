package org.openvto.web.internal.system;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.openvto.backup.ConfigurationFile;
import org.openvto.household.BackupService;
import org.openvto.household.RebootService;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;

/** {@code /api/v1/config/export|import} (the whole configuration as one file) and {@code /api/v1/system/reboot}. */
public final class SystemApi {
    private final BackupService backup;
    private final RebootService reboot;

    public SystemApi(BackupService backup, RebootService reboot) {
        this.backup = backup;
        this.reboot = reboot;
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/api/v1/config/export",
                ctx -> ctx.contentType("application/json")
                        .header("Content-Disposition", "attachment; filename=\"openvto-configuration.json\"")
                        .result(ConfigurationFile.write(backup.snapshot())));
        routes.post("/api/v1/config/import", ctx -> {
            String text = ctx.body();
            ApiResults.apply(
                    ctx,
                    () -> ConfigurationFile.restore(backup, text),
                    () -> Json.MAPPER.createObjectNode().put("imported", true));
        });
        routes.post("/api/v1/system/reboot", this::reboot);
    }

    /** 202 first: the restart runs on its own thread and the graceful stop lets this answer go out. */
    private void reboot(Context ctx) {
        Json.send(ctx, 202, Map.of("status", "restarting", "health", "/healthz"));
        reboot.request();
    }
}
