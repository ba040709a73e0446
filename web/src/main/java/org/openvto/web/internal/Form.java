package org.openvto.web.internal;

import io.javalin.http.Context;
import org.openvto.validation.Violations;

/** Reads an HTML form's fields; numbers that are not numbers become field errors, not exceptions. */
public final class Form {
    private final Context ctx;
    public final Violations violations = new Violations();

    public Form(Context ctx) {
        this.ctx = ctx;
    }

    public String str(String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    /** Raw value (passwords: surrounding spaces are significant). */
    public String raw(String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    public boolean checked(String name) {
        return ctx.formParam(name) != null;
    }

    public int integer(String name, String label) {
        String v = str(name);
        if (v.matches("[0-9]{1,9}")) {
            return Integer.parseInt(v);
        }
        violations.add(name, label + " must be a whole number");
        return -1;
    }
}
