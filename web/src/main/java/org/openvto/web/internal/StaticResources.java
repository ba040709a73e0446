package org.openvto.web.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the console's static files ({@code /static/…}) and WebJars ({@code /webjars/…}, e.g. htmx)
 * straight from the class path, cached in memory after the first request.
 *
 * <p>Why not Javalin's static-file support: Jetty mounts the whole fat jar as a zip file system to
 * serve class-path resources, which keeps an index of every entry of the jar on the heap (about
 * 15 MB) — too much for a door station. Only a handful of files are ever served here.
 */
final class StaticResources {
    private static final Map<String, String> TYPES = Map.of(
            "css",
            "text/css; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "svg",
            "image/svg+xml",
            "png",
            "image/png",
            "ico",
            "image/x-icon",
            "json",
            "application/json",
            "map",
            "application/json");
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    void register(RoutesConfig routes) {
        routes.get("/static/<file>", ctx -> serve(ctx, "static/" + ctx.pathParam("file")));
        routes.get("/webjars/<file>", ctx -> serve(ctx, "META-INF/resources/webjars/" + ctx.pathParam("file")));
    }

    private void serve(Context ctx, String resource) {
        String type = type(resource);
        if (type == null || resource.contains("..") || !resource.matches("[A-Za-z0-9._/-]+")) {
            ctx.status(404);
            return;
        }
        Optional<byte[]> body = load(resource);
        if (body.isEmpty()) {
            ctx.status(404);
            return;
        }
        ctx.header("Cache-Control", "public, max-age=3600").contentType(type).result(body.get());
    }

    private Optional<byte[]> load(String resource) {
        byte[] cached = cache.get(resource);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = StaticResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            cache.put(resource, bytes);
            return Optional.of(bytes);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String type(String resource) {
        int dot = resource.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(resource.substring(dot + 1));
    }
}
