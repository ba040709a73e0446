package org.openvto.web.internal.system;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openvto.backup.ConfigurationFile;
import org.openvto.household.BackupService;
import org.openvto.household.Change;
import org.openvto.household.RebootService;
import org.openvto.validation.FieldError;
import org.openvto.validation.Result;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.RestartPage;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** Local Setting › System: configuration backup (export) and restore (import), and Reboot. */
public final class SystemPage {
    private static final String PATH = "/console/local/system";
    /** The largest configuration file an import reads (201 rooms take about 40 KB). */
    private static final int MAX_FILE = 8 * 1024 * 1024;

    private final Pages pages;
    private final BackupService backup;
    private final RebootService reboot;
    private final String instance;

    /** @param instance this web server's instance id, by which the reconnect page knows the restarted one */
    public SystemPage(Pages pages, BackupService backup, RebootService reboot, String instance) {
        this.pages = pages;
        this.backup = backup;
        this.reboot = reboot;
        this.instance = instance;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, 200, FormErrors.NONE, Saved.notice(ctx)));
        routes.post(PATH + "/import", this::importConfig);
        routes.get(PATH + "/reboot", ctx -> pages.console(ctx, 200, "console/reboot.jte", "Reboot"));
        routes.post(PATH + "/reboot", this::reboot);
    }

    private void show(Context ctx, int status, FormErrors errors, Notice notice) {
        pages.console(ctx, status, "console/system.jte", "System", new SystemView(errors, notice));
    }

    private void importConfig(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            show(
                    ctx,
                    400,
                    new FormErrors(List.of(new FieldError("file", "Choose a configuration file"))),
                    new Notice("error", "Nothing was imported."));
            return;
        }
        String text;
        try (var in = file.content()) {
            text = new String(in.readNBytes(MAX_FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        switch (ConfigurationFile.restore(backup, text)) {
            case Result.Rejected<Change> r ->
                show(
                        ctx,
                        400,
                        new FormErrors(r.errors()),
                        new Notice(
                                "error",
                                "Nothing was imported: the file has "
                                        + r.errors().size() + " problem(s)."));
            case Result.Applied<Change> a -> ctx.redirect(PATH + "?saved=imported");
        }
    }

    /** Restarts every service in-process (Quick Start Guide 4.2.4 step 4 "restart the device"), then reconnects. */
    private void reboot(Context ctx) {
        if (!"yes".equals(ctx.formParam("confirm"))) {
            ctx.redirect(PATH + "/reboot");
            return;
        }
        // the restart begins on its own thread; the graceful stop lets this response go out first
        reboot.request();
        RestartPage.show(ctx, pages, "The VTO is restarting all services.", ctx.port(), "/", instance);
    }
}
