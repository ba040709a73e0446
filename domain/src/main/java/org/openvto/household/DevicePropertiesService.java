package org.openvto.household;

import java.util.Optional;
import java.util.Set;
import org.openvto.device.DeviceProperties;
import org.openvto.device.SystemType;
import org.openvto.network.SipServerSettings;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;

/**
 * Local Setting › Basic › Device Properties (Quick Start Guide 4.2.2, 4.2.4): device name, VTO No., System
 * Type, Building and Unit No. Thread-safe; changes are serialised with every other installer change.
 */
public final class DevicePropertiesService {
    private final InstallationContext ctx;

    DevicePropertiesService(InstallationContext ctx) {
        this.ctx = ctx;
    }

    public DeviceProperties current() {
        return ctx.device();
    }

    /** Why the VTO cannot reach VTHs now, if it cannot (Quick Start Guide 4.2.4: analogue system type). */
    public Optional<String> connectionProblem() {
        return current().systemType() == SystemType.ANALOG
                ? Optional.of("System Type is Analog: this VTO does not connect to indoor monitors (VTH). "
                        + "Select TCP/IP in Local Setting › Basic.")
                : Optional.empty();
    }

    /**
     * Saves the properties, or rejects them with field errors and writes nothing. A System Type change restarts
     * the SIP services; hidden Building/Unit No. keep their stored values (Quick Start Guide 4.2.4 notes).
     */
    public Result<Change> update(DeviceProperties p) {
        return ctx.locked(() -> {
            DeviceProperties old = ctx.device();
            SipServerSettings sip = ctx.sipServer();
            Violations v = new Violations();
            InstallationRules.checkDevice(v, p, ctx.household.roomBases());
            if (!v.has("vtoNumber") && sip.thisVtoIsServer() && !p.vtoNumber().equals(old.vtoNumber())) {
                v.add(
                        "vtoNumber",
                        "VTO No. cannot be changed while this VTO is the SIP server (Quick Start Guide 4.2.2)");
            }
            if (!v.has("vtoNumber")
                    && !p.vtoNumber().equals(old.vtoNumber())
                    && ctx.household.vto(p.vtoNumber()).isPresent()) {
                v.add("vtoNumber", "VTO No. " + p.vtoNumber() + " belongs to another VTO in VTO No. Management");
            }
            if (!v.isEmpty()) {
                return Result.rejected(v.list());
            }
            DeviceProperties saved = new DeviceProperties(
                    p.deviceName(),
                    p.vtoNumber(),
                    p.systemType(),
                    sip.buildingVisible() ? p.buildingNo() : old.buildingNo(),
                    sip.unitVisible() ? p.unitNo() : old.unitNo());
            ctx.settings.putAll(DeviceKeys.write(saved));
            Set<Service> restart = p.systemType() != old.systemType() ? Set.of(Service.SIP) : Set.of();
            return ctx.changed("device", restart, RecordDiff.of(old, ctx.device()));
        });
    }
}
