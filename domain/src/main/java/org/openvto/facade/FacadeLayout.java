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

    /**
     * The layout as it works with these rooms: keys whose room no longer exists are unassigned (what a backup
     * holds, so that it restores as it worked and never names a room the file does not have).
     */
    public FacadeLayout working(java.util.Set<String> rooms) {
        List<FacadeModule> next = new ArrayList<>();
        for (FacadeModule m : modules) {
            next.add(new FacadeModule(
                    m.kind(),
                    m.keys().stream()
                            .map(k -> k.equals(FacadeRules.CENTRE_CALL_NO) || rooms.contains(k) ? k : "")
                            .toList()));
        }
        return new FacadeLayout(model, mounting, next);
    }

    public FacadeLayout withMounting(Mounting m) {
        return new FacadeLayout(model, m, modules);
    }

    /** The layout with {@code kinds} appended at the end of the cascade, their call keys unassigned. */
    public FacadeLayout withAdded(List<ModuleKind> kinds) {
        List<FacadeModule> next = new ArrayList<>(modules);
        kinds.forEach(k -> next.add(FacadeModule.of(k)));
        return new FacadeLayout(model, mounting, next);
    }

    /** The layout without module {@code index}; the camera module (index 0) stays. */
    public FacadeLayout without(int index) {
        if (index < 1 || index >= modules.size()) {
            return this;
        }
        List<FacadeModule> next = new ArrayList<>(modules);
        next.remove(index);
        return new FacadeLayout(model, mounting, next);
    }

    /** Module {@code index} moved one place up ({@code -1}) or down ({@code +1}); never above the camera module. */
    public FacadeLayout moved(int index, int delta) {
        int to = index + delta;
        if (index < 1 || to < 1 || index >= modules.size() || to >= modules.size()) {
            return this;
        }
        List<FacadeModule> next = new ArrayList<>(modules);
        Collections.swap(next, index, to);
        return new FacadeLayout(model, mounting, next);
    }

    /** Module {@code index} with these call-key rooms (checked by the rules when saved). */
    public FacadeLayout withKeys(int index, List<String> keys) {
        if (index < 0 || index >= modules.size()) {
            return this;
        }
        List<FacadeModule> next = new ArrayList<>(modules);
        next.set(index, new FacadeModule(modules.get(index).kind(), keys));
        return new FacadeLayout(model, mounting, next);
    }
}
