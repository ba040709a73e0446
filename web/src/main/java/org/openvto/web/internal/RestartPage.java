package org.openvto.web.internal;

import io.javalin.http.Context;

/**
 * The page shown when a save restarts the web server (new port, Reboot): it waits for the server at the new
 * address and goes back to the console there. Its content security policy allows exactly that one address.
 */
public final class RestartPage {
    private RestartPage() {}

    /** @param previous the instance id of this web server when the same address comes back restarted, else null */
    public static void show(Context ctx, Pages pages, String message, int port, String back, String previous) {
        String target = "http://" + hostName(ctx) + ":" + port;
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; connect-src 'self' " + target
                        + "; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
        pages.bare(ctx, 200, "restart.jte", new RestartView(message, target, back, previous));
    }

    private static String hostName(Context ctx) {
        String host = ctx.host() == null ? "127.0.0.1" : ctx.host();
        if (host.startsWith("[")) {
            return host.substring(0, host.indexOf(']') + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
