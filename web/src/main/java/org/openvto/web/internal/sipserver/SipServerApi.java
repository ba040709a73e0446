package org.openvto.web.internal.sipserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import org.openvto.backup.ConfigurationFile;
import org.openvto.household.SipServerService;
import org.openvto.network.SipServerSettings;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;

/**
 * {@code /api/v1/sip-server}: Network Setting › SIP Server; passwords are never returned, only whether set. {@code
 * /api/v1/sip-server/registration}: the VTO's own registration with the SIP server as it stands now (a separate
 * resource: it changes by itself, the settings do not).
 */
public final class SipServerApi {
    private final SipServerService sipServer;
    private final java.util.function.Supplier<org.openvto.call.OwnRegistration> registration;

    public SipServerApi(
            SipServerService sipServer, java.util.function.Supplier<org.openvto.call.OwnRegistration> registration) {
        this.sipServer = sipServer;
        this.registration = registration;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/sip-server", ctx -> Json.send(ctx, 200, json()));
        routes.get("/api/v1/sip-server/registration", ctx -> Json.send(ctx, 200, registrationJson()));
        routes.put("/api/v1/sip-server", ctx -> {
            var s = ConfigurationFile.sipServer(Json.body(ctx), ApiResults.reader(ctx), sipServer.current());
            ApiResults.apply(ctx, () -> sipServer.update(s), this::json);
        });
    }

    private ObjectNode registrationJson() {
        var r = registration.get();
        ObjectNode n = Json.MAPPER
                .createObjectNode()
                .put("state", r.state().token())
                .put("reason", r.reason())
                .put("server", r.server());
        if (r.until() != null) {
            n.put("until", r.until().toString());
        }
        return n;
    }

    private ObjectNode json() {
        SipServerSettings s = sipServer.current();
        ObjectNode n = ConfigurationFile.sipServer(s, false);
        n.put("thisVtoIsServer", s.thisVtoIsServer())
                .put("passwordSet", !s.password().isEmpty())
                .put("loginPasswordSet", !s.loginPassword().isEmpty())
                .put("altPasswordSet", !s.altPassword().isEmpty())
                .put("centreCallNo", SipServerSettings.CENTRE_CALL_NO)
                .put("centrePasswordSet", !s.centrePassword().isEmpty());
        return n;
    }
}
