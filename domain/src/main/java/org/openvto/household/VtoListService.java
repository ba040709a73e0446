package org.openvto.household;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;

/**
 * Household Setting › VTO No. Management (Quick Start Guide 4.2.5, Table 4-2): the other VTOs of the building
 * (and this one, when it is the SIP server). Thread-safe; changes are serialised with every other installer
 * change.
 */
public final class VtoListService {
    private final InstallationContext ctx;

    VtoListService(InstallationContext ctx) {
        this.ctx = ctx;
    }

    public List<VtoEntry> list() {
        return ctx.household.vtos();
    }

    public Optional<VtoEntry> find(String recNo) {
        return ctx.household.vto(recNo);
    }

    /**
     * Quick Start Guide 4.2.5: "be sure to add the SIP server itself too" — a warning when this server is
     * missing from the list.
     */
    public Optional<String> warning() {
        if (!ctx.sipServer().thisVtoIsServer()) {
            return Optional.empty();
        }
        String own = ctx.device().vtoNumber();
        return ctx.household.vto(own).isPresent()
                ? Optional.empty()
                : Optional.of("This VTO (No. " + own + ") is the SIP server but is not in the list. Add it too, or "
                        + "other VTOs cannot call it.");
    }

    public Result<Change> add(VtoEntry e) {
        return ctx.locked(() -> {
            Violations v = new Violations();
            InstallationRules.checkVto(v, e, ctx.sipServer().thisVtoIsServer(), ctx.household.roomBases());
            if (!v.has("recNo") && ctx.household.vto(e.recNo()).isPresent()) {
                v.add("recNo", "Rec No. " + e.recNo() + " is already in the list");
            }
            return save(v, e, "VTO " + e.recNo() + " added");
        });
    }

    /** Modifies the VTO {@code recNo}; a blank password keeps the stored one. Rec No. itself is fixed. */
    public Result<Change> update(String recNo, VtoEntry e) {
        return ctx.locked(() -> {
            Optional<VtoEntry> old = ctx.household.vto(recNo);
            if (old.isEmpty()) {
                return Result.rejected("recNo", "No VTO with Rec No. " + recNo);
            }
            VtoEntry merged = new VtoEntry(
                    recNo,
                    Strings.keep(e.registerPassword(), old.get().registerPassword()),
                    e.buildingNo(),
                    e.unitNo(),
                    e.ipAddress(),
                    e.username(),
                    Strings.keep(e.password(), old.get().password()));
            Violations v = new Violations();
            InstallationRules.checkVto(v, merged, ctx.sipServer().thisVtoIsServer(), ctx.household.roomBases());
            return save(v, merged, "VTO " + recNo + " modified: " + RecordDiff.of(old.get(), merged));
        });
    }

    public Result<Change> delete(String recNo) {
        return ctx.locked(() -> ctx.household.deleteVto(recNo)
                ? ctx.changed("household", Set.of(), "VTO " + recNo + " deleted")
                : Result.rejected("recNo", "No VTO with Rec No. " + recNo));
    }

    private Result<Change> save(Violations v, VtoEntry e, String what) {
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        ctx.household.saveVto(new VtoEntry(
                e.recNo(),
                e.registerPassword(),
                Strings.nz(e.buildingNo()),
                Strings.nz(e.unitNo()),
                e.ipAddress(),
                Strings.nz(e.username()),
                Strings.nz(e.password())));
        return ctx.changed("household", Set.of(), what);
    }
}
