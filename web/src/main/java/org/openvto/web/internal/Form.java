package org.openvto.web.internal;

import io.javalin.http.Context;
import org.openvto.validation.Violations;

/** Reads an HTML form's fields; numbers that are not numbers become field errors, not exceptions. */
final class Form {
    private final Context ctx;
    final Violations violations = new Violations();

    Form(Context ctx) {
        this.ctx = ctx;
    }

    String str(String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    /** Raw value (passwords: surrounding spaces are significant). */
    String raw(String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    boolean checked(String name) {
        return ctx.formParam(name) != null;
    }

    int integer(String name, String label) {
        String v = str(name);
        if (v.matches("[0-9]{1,9}")) {
            return Integer.parseInt(v);
        }
        violations.add(name, label + " must be a whole number");
        return -1;
    }
}
