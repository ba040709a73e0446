package org.openvto.facade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Local Setting › Basic › Façade Layout (Quick Start Guide 4.2.7): the device model, how the modules are mounted,
 * and the modules in cascade order — the camera module first, then the added ones top to bottom, left to right —
 * with the rooms of their call keys. A plain value; {@link FacadeRules} says whether it is allowed.
 */
public record FacadeLayout(DeviceModel model, Mounting mounting, List<FacadeModule> modules) {
    public FacadeLayout {
        modules = modules == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(modules));
    }

    /** A new VTO: the configured model with its camera module alone, its call key unassigned. */
    public static FacadeLayout initial(DeviceModel model) {
        return new FacadeLayout(model, Mounting.DEFAULT, List.of(FacadeModule.of(ModuleKind.CAMERA)));
    }

    /** Modules besides the camera module. */
    public int added() {
        return Math.max(0, modules.size() - 1);
    }

    public boolean has(ModuleKind kind) {
        return modules.stream().anyMatch(m -> m.kind() == kind);
    }

    /** The kinds the Add list still offers: every addable kind, but a unique one only while it is not placed. */
    public List<ModuleKind> addable() {
        List<ModuleKind> kinds = new ArrayList<>();
        for (ModuleKind k : ModuleKind.values()) {
            if (k.addable() && !(k.unique() && has(k))) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    public FacadeLayout withModel(DeviceModel m) {
        return new FacadeLayout(m, mounting, modules);
    }
}
