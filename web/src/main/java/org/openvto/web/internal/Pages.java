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

/** Renders the precompiled jte templates (compiled at build time; no template compiler at run time). */
final class Pages {
    /** Request attribute set once a page was rendered, so the 404 handler keeps a page's own 404 answer. */
    static final String RENDERED = "openvto.rendered";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final DeviceService device;

    Pages(DeviceService device) {
        this.device = device;
    }

    void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.status(status).header("Cache-Control", "no-store").html(out.toString());
    }

    /** Renders a console page: {@code params} plus the {@code frame} for the menu entry at the request path. */
    void console(Context ctx, int status, String template, String title, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put(
                "frame",
                new Frame(
                        device.identity(),
                        ctx.attribute(WebAuth.USER),
                        Menu.TREE,
                        ctx.path(),
                        Menu.titleOf(ctx.path()).orElse(title)));
        render(ctx, status, template, all);
    }

    String model() {
        return device.identity().model();
    }
}
