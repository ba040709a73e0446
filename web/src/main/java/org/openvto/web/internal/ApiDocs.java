package org.openvto.web.internal;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;

/** {@code /api/v1/openapi.json}: the REST API's description, read once from the build. */
final class ApiDocs {
    private final byte[] openApi;

    ApiDocs() {
        try (InputStream in = ApiDocs.class.getResourceAsStream("/openapi.json")) {
            this.openApi = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.json missing from the build", e);
        }
    }

    void register(RoutesConfig routes) {
        routes.get(
                "/api/v1/openapi.json",
                ctx -> ctx.contentType("application/json").result(openApi));
    }
}
