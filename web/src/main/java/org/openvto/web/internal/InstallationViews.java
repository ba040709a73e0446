package org.openvto.web.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openvto.backup.ConfigurationFile;
import org.openvto.household.Installation;
import org.openvto.household.RoomDevice;
import org.openvto.network.SipServerSettings;
import org.openvto.web.WebServices;

/** JSON views of the installer configuration with the derived facts the pages show (visibility, status, warnings). */
final class InstallationViews {
    private final WebServices services;
    private final Installation installation;

    InstallationViews(WebServices services) {
        this.services = services;
        this.installation = services.installation();
    }

    ObjectNode deviceJson() {
        ObjectNode n = ConfigurationFile.device(installation.deviceProperties());
        SipServerSettings sip = installation.sipServer();
        n.put("buildingVisible", sip.buildingVisible())
                .put("unitVisible", sip.unitVisible())
                .put("vtoNumberEditable", !sip.thisVtoIsServer());
        installation.connectionProblem().ifPresent(p -> n.put("connectionProblem", p));
        return n;
    }

    ObjectNode networkJson() {
        ObjectNode n = ConfigurationFile.network(installation.network());
        n.put(
                "hostHasAddress",
                services.hostAddresses().isLocal(installation.network().ipAddress()));
        return n;
    }

    ObjectNode sipJson() {
        SipServerSettings s = installation.sipServer();
        ObjectNode n = ConfigurationFile.sipServer(s, false);
        n.put("thisVtoIsServer", s.thisVtoIsServer())
                .put("passwordSet", !s.password().isEmpty())
                .put("loginPasswordSet", !s.loginPassword().isEmpty())
                .put("altPasswordSet", !s.altPassword().isEmpty())
                .put("centreCallNo", SipServerSettings.CENTRE_CALL_NO)
                .put("centrePasswordSet", !s.centrePassword().isEmpty());
        return n;
    }

    ObjectNode vtoListJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        ArrayNode list = n.putArray("vtos");
        installation.vtos().forEach(v -> {
            ObjectNode item = ConfigurationFile.vto(v, false);
            status(item, v.recNo());
            list.add(item);
        });
        installation.vtoListWarning().ifPresent(w -> n.put("warning", w));
        return n;
    }

    ObjectNode roomJson(RoomDevice r) {
        ObjectNode n = ConfigurationFile.room(r);
        status(n, r.number().toString());
        return n;
    }

    private void status(ObjectNode n, String user) {
        var registration = services.registrations().lookup(user);
        n.put("status", registration.isPresent() ? "online" : "offline");
        registration.ifPresent(reg -> n.put("address", reg.contact())
                .put("userAgent", reg.userAgent())
                .put("expires", reg.expires().toString()));
    }
}
