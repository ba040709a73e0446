package org.openvto.web.internal;

import io.javalin.http.Context;
import java.util.function.Consumer;

/**
 * Thrown by a before-handler to answer the request itself and stop routing (Javalin 7 has no
 * "skip remaining handlers"). Carries no stack trace: it is control flow, not an error.
 */
public final class Halt extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Consumer<Context> response;

    public Halt(Consumer<Context> response) {
        super(null, null, false, false);
        this.response = response;
    }

    void respond(Context ctx) {
        response.accept(ctx);
    }
}
