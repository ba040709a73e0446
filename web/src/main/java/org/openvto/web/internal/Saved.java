package org.openvto.web.internal;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Consumer;
import org.openvto.household.Change;
import org.openvto.validation.Result;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * Post/redirect/get for the console forms: a saved change redirects with {@code ?saved=key}, a rejected one
 * shows the form again with its errors; the page after the redirect shows the banner of that key.
 */
public final class Saved {
    /**
     * The banners a redirect may ask for with {@code ?saved=key}: a fixed set, so a crafted link cannot make the
     * console print text of its choosing; unknown keys show nothing.
     */
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("1", "Saved."),
            Map.entry("sip", "Saved. The SIP services restart with these settings."),
            Map.entry("imported", "Configuration imported."),
            Map.entry("cleared", "All rooms were deleted."),
            Map.entry("password", "Public unlock password saved."),
            Map.entry("password-removed", "Public unlock password removed: # + password + # no longer opens."),
            Map.entry("deleted", "Deleted."),
            Map.entry("lost", "Card reported lost: it no longer opens."),
            Map.entry("people-imported", "People imported."),
            Map.entry("acknowledged", "Alarm acknowledged."));

    /** The notice every rejected form shows at its top (the error summary lists the fields). */
    public static final Notice NOTHING_SAVED = new Notice("error", "Nothing was saved.");

    private Saved() {}

    /** The banner for this request's {@code ?saved=} key, or none. */
    public static Notice notice(Context ctx) {
        String text = MESSAGES.get(String.valueOf(ctx.queryParam("saved")));
        if (text == null) {
            return Notice.NONE;
        }
        String n = ctx.queryParam("n");
        if ("cleared".equals(ctx.queryParam("saved")) && n != null && n.matches("[0-9]{1,6}")) {
            text = n + (n.equals("1") ? " room was deleted." : " rooms were deleted.");
        }
        if ("people-imported".equals(ctx.queryParam("saved")) && n != null && n.matches("[0-9]{1,6}")) {
            text = n + (n.equals("1") ? " person was imported." : " people were imported.");
        }
        return new Notice("ok", text);
    }

    /** Redirects to {@code back?saved=1} when applied; otherwise hands the field errors to {@code onError}. */
    public static void outcome(Context ctx, Result<Change> result, String back, Consumer<FormErrors> onError) {
        switch (result) {
            case Result.Rejected<Change> r -> onError.accept(new FormErrors(r.errors()));
            case Result.Applied<Change> a -> ctx.redirect(back + "?saved=1");
        }
    }

    /** The 1-based page number of {@code ?page=}; anything that is not a small number is page 1. */
    public static int page(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,6}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(raw));
    }
}
