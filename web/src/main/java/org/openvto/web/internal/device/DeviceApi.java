package org.openvto.web.internal.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openvto.backup.ConfigurationFile;
import org.openvto.device.DeviceService;
import org.openvto.household.DevicePropertiesService;
import org.openvto.household.SipServerService;
import org.openvto.network.SipServerSettings;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;
import org.openvto.web.internal.WebAuth;

/**
 * {@code /api/v1/device} (identity: model, serial, firmware, whether Device Init is done) and
 * {@code /api/v1/device/properties} (Local Setting › Basic, with the same derived facts as the page).
 */
public final class DeviceApi {
    private final DeviceService identity;
    private final DevicePropertiesService device;
    private final SipServerService sipServer;
    private final WebAuth webAuth;

    public DeviceApi(
            DeviceService identity, DevicePropertiesService device, SipServerService sipServer, WebAuth webAuth) {
        this.identity = identity;
        this.device = device;
        this.sipServer = sipServer;
        this.webAuth = webAuth;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/device", this::identity);
        routes.get("/api/v1/device/properties", ctx -> Json.send(ctx, 200, propertiesJson()));
        routes.put("/api/v1/device/properties", ctx -> {
            var p = ConfigurationFile.device(Json.body(ctx), ApiResults.reader(ctx), device.current());
            ApiResults.apply(ctx, () -> device.update(p), this::propertiesJson);
        });
    }

    private void identity(Context ctx) {
        var d = identity.identity();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", d.model());
        body.put("serialNumber", d.serialNumber());
        body.put("vtoNumber", d.vtoNumber());
        body.put("deviceName", d.deviceName());
        body.put("firmwareVersion", d.firmwareVersion());
        body.put("buildDate", d.buildDate());
        body.put("initialized", webAuth.initialized());
        Json.send(ctx, 200, body);
    }

    private ObjectNode propertiesJson() {
        ObjectNode n = ConfigurationFile.device(device.current());
        SipServerSettings sip = sipServer.current();
        n.put("buildingVisible", sip.buildingVisible())
                .put("unitVisible", sip.unitVisible())
                .put("vtoNumberEditable", !sip.thisVtoIsServer());
        device.connectionProblem().ifPresent(p -> n.put("connectionProblem", p));
        return n;
    }
}
