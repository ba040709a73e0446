package org.openvto.web.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.openvto.device.DeviceService;
import org.openvto.web.internal.view.Frame;
import org.openvto.web.internal.view.Menu;

/**
 * Renders the precompiled jte templates (compiled at build time; no template compiler at run time). Each page
 * template takes its console {@code frame} (or, outside the console, the device {@code model}) and one typed
 * {@code view} record, so a template and the controller that fills it are checked against each other by the
 * compiler. Thread-safe.
 */
public final class Pages {
    /** Request attribute set once a page was rendered, so the 404 handler keeps a page's own 404 answer. */
    static final String RENDERED = "openvto.rendered";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final DeviceService device;

    public Pages(DeviceService device) {
        this.device = device;
    }

    /** A console page with its view: the frame holds the menu entry at the request path. */
    public void console(Context ctx, int status, String template, String title, Record view) {
        Map<String, Object> params = new HashMap<>();
        params.put("frame", frame(ctx, title));
        params.put("view", view);
        render(ctx, status, template, params);
    }

    /** A console page that shows nothing but its frame (a confirmation). */
    public void console(Context ctx, int status, String template, String title) {
        render(ctx, status, template, Map.of("frame", frame(ctx, title)));
    }

    /** A page outside the console (login, Device Init, restart, 404): the device model and its view. */
    public void bare(Context ctx, int status, String template, Record view) {
        Map<String, Object> params = new HashMap<>();
        params.put("model", device.identity().model());
        params.put("view", view);
        render(ctx, status, template, params);
    }

    /** A page outside the console with nothing but the device model. */
    public void bare(Context ctx, int status, String template) {
        render(ctx, status, template, Map.of("model", device.identity().model()));
    }

    /** A part of a page, reloaded by the page's script: only its view, no frame. */
    public void fragment(Context ctx, int status, String template, Record view) {
        render(ctx, status, template, Map.of("view", view));
    }

    private Frame frame(Context ctx, String title) {
        return new Frame(
                device.identity(),
                ctx.attribute(WebAuth.USER),
                Menu.TREE,
                ctx.path(),
                Menu.titleOf(ctx.path()).orElse(title));
    }

    private void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.status(status).header("Cache-Control", "no-store").html(out.toString());
    }
}
