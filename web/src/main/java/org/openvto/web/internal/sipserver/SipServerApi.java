package org.openvto.web.internal.sipserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import org.openvto.backup.ConfigurationFile;
import org.openvto.household.SipServerService;
import org.openvto.network.SipServerSettings;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;

/** {@code /api/v1/sip-server}: Network Setting › SIP Server; passwords are never returned, only whether set. */
public final class SipServerApi {
    private final SipServerService sipServer;

    public SipServerApi(SipServerService sipServer) {
        this.sipServer = sipServer;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/sip-server", ctx -> Json.send(ctx, 200, json()));
        routes.put("/api/v1/sip-server", ctx -> {
            var s = ConfigurationFile.sipServer(Json.body(ctx), ApiResults.reader(ctx), sipServer.current());
            ApiResults.apply(ctx, () -> sipServer.update(s), this::json);
        });
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
