package org.openvto.household;

import java.util.Set;
import org.openvto.network.SipServerSettings;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;

/**
 * Network Setting › SIP Server (Quick Start Guide 4.2.4, Table 4-1): whether this VTO is the building's SIP server
 * or registers with a platform, and the Alternate Server. Thread-safe; changes are serialised with every other
 * installer change.
 */
public final class SipServerService {
    private final InstallationContext ctx;

    SipServerService(InstallationContext ctx) {
        this.ctx = ctx;
    }

    public SipServerSettings current() {
        return ctx.sipServer();
    }

    /** Saves the SIP server page (restarting the SIP services); blank password fields keep the stored ones. */
    public Result<Change> update(SipServerSettings incoming) {
        return ctx.locked(() -> {
            SipServerSettings old = ctx.sipServer();
            SipServerSettings s = incoming.toBuilder()
                    .password(Strings.keep(incoming.password(), old.password()))
                    .loginPassword(Strings.keep(incoming.loginPassword(), old.loginPassword()))
                    .altPassword(Strings.keep(incoming.altPassword(), old.altPassword()))
                    .centrePassword(Strings.keep(incoming.centrePassword(), old.centrePassword()))
                    .build();
            Violations v = new Violations();
            InstallationRules.checkSip(v, s, old);
            if (!v.isEmpty()) {
                return Result.rejected(v.list());
            }
            ctx.settings.putAll(SipServerKeys.write(s));
            return ctx.changed("sip-server", Set.of(Service.SIP), RecordDiff.of(old, s));
        });
    }
}
