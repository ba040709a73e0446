package org.openvto.household;

import org.openvto.network.ServerType;
import org.openvto.network.SipServerSettings;

/** The main interface's configuration checklist (Quick Start Guide 4.1 step 2), read from what is stored. */
public final class SetupChecklist {
    private final InstallationContext ctx;

    SetupChecklist(InstallationContext ctx) {
        this.ctx = ctx;
    }

    /**
     * How far the installer got: a step counts as done when its setting was saved (VTO No., System Type, TCP/IP)
     * or its list is not empty — never from a separate flag.
     */
    public SetupProgress progress() {
        SipServerSettings sip = ctx.sipServer();
        boolean sipConfigured = ctx.settings.get(SipServerKeys.ENABLED).isPresent()
                && sip.type() != null
                && (sip.thisVtoIsServer()
                        || (sip.type() == ServerType.PLATFORM
                                && !sip.ipAddress().isEmpty()));
        return new SetupProgress(
                ctx.settings.get(DeviceKeys.VTO_NUMBER).isPresent(),
                ctx.settings.get(DeviceKeys.SYSTEM_TYPE).isPresent(),
                ctx.device().systemType(),
                ctx.settings.get(NetworkKeys.IP_ADDRESS).isPresent(),
                sipConfigured,
                sip.type(),
                ctx.household.vtos().size(),
                ctx.household.countRooms(""));
    }
}
