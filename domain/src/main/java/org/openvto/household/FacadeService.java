package org.openvto.household;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.openvto.facade.CallKey;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.FacadeRules;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;

/**
 * Local Setting › Basic › Façade Layout (Quick Start Guide 4.2.7): the device model, the modules in cascade order
 * and the rooms of their call keys. A save is live at once — no browser or process restart — and announced as
 * {@code config/facade/changed}. Thread-safe; changes are serialised with every other installer change.
 */
public final class FacadeService {
    private final InstallationContext ctx;

    FacadeService(InstallationContext ctx) {
        this.ctx = ctx;
    }

    public FacadeLayout current() {
        return ctx.facade();
    }

    /** The room numbers a call key may call now (the rooms of Room No. Management), besides the centre. */
    public Set<String> rooms() {
        return ctx.household.roomBases();
    }

    /** Every call key as it works now; a key whose room was deleted reads as unassigned. */
    public List<CallKey> callKeys() {
        return CallKey.of(current(), rooms());
    }

    /** Saves the layout, or rejects it naming every broken rule and writes nothing. */
    public Result<Change> update(FacadeLayout layout) {
        return ctx.locked(() -> {
            Violations v = new Violations();
            FacadeRules.check(v, layout, rooms());
            if (!v.isEmpty()) {
                return Result.rejected(v.list());
            }
            FacadeLayout old = ctx.facade();
            ctx.settings.putAll(FacadeKeys.write(layout));
            return ctx.changed("facade", Set.of(), RecordDiff.of(old, layout));
        });
    }

    /**
     * One edit of the page (add, move, remove, keys, model): {@code edit} is applied to the layout as it works now
     * — keys of deleted rooms unassigned, so a deleted room never blocks an unrelated edit and never comes back when
     * a room of that number is added again — and the result is checked and saved, all under the installer lock, so
     * two edits at once never lose one another or hit a module that moved.
     */
    public Result<Change> edit(UnaryOperator<FacadeLayout> edit) {
        return ctx.locked(() -> update(edit.apply(working())));
    }

    /** The layout as it works now: keys whose room was deleted are unassigned. */
    public FacadeLayout working() {
        return current().working(rooms());
    }
}
