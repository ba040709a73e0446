package org.openvto.web.internal.accesscontrol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.openvto.access.AccessControl;
import org.openvto.access.Credential;
import org.openvto.access.CredentialDigests;
import org.openvto.access.Decision;
import org.openvto.access.LockChoice;
import org.openvto.access.PeopleService;
import org.openvto.household.AccessControlService;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;
import org.openvto.web.internal.WebAuth;

/**
 * {@code GET|PUT /api/v1/access-control}, {@code PUT /api/v1/access-control/public-password} and the remote
 * unlock {@code POST /api/v1/doors/{lock}/open} ({@code lock} 1, 2 or {@code both}), which goes through the same
 * access decision as a card and answers once the unlock record is stored: 200 {@code {"opened":true,…}} or 409
 * with the refusal's reason. {@code GET /cgi-bin/accessControl.cgi?action=openDoor&channel=1} answers {@code OK}
 * like a Dahua door station, once per accepted open.
 */
public final class AccessControlApi {
    private final AccessControlService settings;
    private final AccessControl access;
    private final PublicPassword publicPassword;

    public AccessControlApi(
            AccessControlService settings, AccessControl access, PeopleService people, CredentialDigests digests) {
        this.settings = settings;
        this.access = access;
        this.publicPassword = new PublicPassword(settings, digests, people);
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/access-control", ctx -> Json.send(ctx, 200, view()));
        routes.put("/api/v1/access-control", ctx -> {
            var body = Json.body(ctx);
            var next = AccessControlJson.read(body, ApiResults.reader(ctx), settings.current());
            ApiResults.apply(ctx, () -> settings.update(next), this::view);
        });
        routes.put("/api/v1/access-control/public-password", this::publicPassword);
        routes.post("/api/v1/doors/{lock}/open", this::open);
        routes.get("/cgi-bin/accessControl.cgi", this::dahua);
    }

    private ObjectNode view() {
        return AccessControlJson.json(
                settings.current(), settings.publicPasswordDigest().isPresent());
    }

    /** {@code {"password":"123456"}} sets it, {@code {"password":""}} removes it. */
    private void publicPassword(Context ctx) {
        var body = Json.body(ctx);
        String password = ApiResults.reader(ctx).str(body, "password", null);
        if (ApiResults.rejectedTypes(ctx)) {
            return;
        }
        ApiResults.apply(ctx, () -> publicPassword.set(password), this::view);
    }

    private void open(Context ctx) {
        Optional<LockChoice> lock = LockChoice.parse(ctx.pathParam("lock"));
        if (lock.isEmpty()) {
            ApiResults.notFound(ctx, "lock " + ctx.pathParam("lock") + " (1, 2 or both)");
            return;
        }
        var outcome = access.unlock(new Credential.Remote(user(ctx), lock));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("opened", outcome.granted());
        out.put("record", outcome.record().id());
        out.put("lock", outcome.record().lock());
        if (outcome.decision() instanceof Decision.Refused r) {
            out.put("reason", r.reason().token());
            out.put("message", r.reason().text());
            Json.send(ctx, 409, out);
        } else {
            Json.send(ctx, 200, out);
        }
    }

    /** Dahua: {@code action=openDoor&channel=1} (1-based lock) → {@code OK}; anything else 400 {@code Error}. */
    private void dahua(Context ctx) {
        // a GET that opens a door: a browser's cross-site request (an <img> replaying cached credentials) is refused
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            ctx.status(403).contentType("text/plain").result("Error\r\nCross-site request refused\r\n");
            return;
        }
        String channel = Optional.ofNullable(ctx.queryParam("channel")).orElse("1");
        if (!"openDoor".equals(ctx.queryParam("action")) || !(channel.equals("1") || channel.equals("2"))) {
            ctx.status(400).contentType("text/plain").result("Error\r\nBad Request!\r\n");
            return;
        }
        var outcome = access.unlock(
                new Credential.Remote(user(ctx), LockChoice.parse(channel.equals("1") ? "lock-1" : "lock-2")));
        ctx.status(outcome.granted() ? 200 : 409)
                .contentType("text/plain")
                .result(
                        outcome.granted()
                                ? "OK\r\n"
                                : "Error\r\n"
                                        + ((Decision.Refused) outcome.decision())
                                                .reason()
                                                .text() + "\r\n");
    }

    private static String user(Context ctx) {
        String u = ctx.attribute(WebAuth.USER);
        return u == null ? "api" : u;
    }
}
