package org.openvto.facade;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvto.validation.Violations;

/**
 * The rules of Quick Start Guide 4.2.7 for a façade layout, as pure checks that report every broken rule with
 * its field ({@code modules}, {@code modules[2].keys[4]}, {@code model}, {@code mounting}) instead of stopping at
 * the first.
 */
public final class FacadeRules {
    /** The Centre Call No. a call key may call (Quick Start Guide 4.2.7.2). */
    public static final String CENTRE_CALL_NO = "888888";

    private FacadeRules() {}

    /**
     * @param rooms the room numbers of Room No. Management ({@code 101}, the part before {@code #}) a call key may
     *              call, besides the Centre Call No.
     */
    public static void check(Violations v, FacadeLayout layout, Set<String> rooms) {
        if (layout.model() == null) {
            v.add("model", "Choose the device model from the list");
        }
        if (layout.mounting() == null
                || (layout.mounting().frameSize() != 2 && layout.mounting().frameSize() != 3)) {
            v.add("mounting", "Mounting takes frames of 2 or 3 modules, horizontal or vertical");
        }
        List<FacadeModule> modules = layout.modules();
        if (modules.isEmpty() || modules.get(0).kind() != ModuleKind.CAMERA) {
            v.add("modules", "The camera module comes first: it is designed in and cannot be removed");
        }
        checkCount(v, layout);
        checkUnique(v, modules);
        for (int i = 0; i < modules.size(); i++) {
            checkModule(v, "modules[" + i + "]", i, modules.get(i), rooms);
        }
    }

    private static void checkCount(Violations v, FacadeLayout layout) {
        if (layout.model() != null && layout.added() > layout.model().maxAdded()) {
            v.add(
                    "modules",
                    layout.model().maxAdded() == 1
                            ? layout.model().id() + " takes only one module besides the camera module ("
                                    + layout.added() + " placed); VTO4202F-MB1, -MB2 and -MB5 take up to 9"
                            : layout.model().id() + " takes at most "
                                    + layout.model().maxAdded() + " modules besides the camera module ("
                                    + layout.added() + " placed)");
        }
    }

    private static void checkUnique(Violations v, List<FacadeModule> modules) {
        Map<ModuleKind, Integer> count = new EnumMap<>(ModuleKind.class);
        for (FacadeModule m : modules) {
            if (m.kind() != null
                    && count.merge(m.kind(), 1, Integer::sum) == 2
                    && m.kind().unique()) {
                v.add(
                        "modules",
                        m.kind() == ModuleKind.CAMERA
                                ? "There is one camera module"
                                : "Only one " + m.kind().label().toLowerCase(java.util.Locale.ROOT)
                                        + " can be added (keyboard, card swiping and fingerprint: one of each)");
            }
        }
    }

    private static void checkModule(Violations v, String field, int index, FacadeModule m, Set<String> rooms) {
        if (m.kind() == null) {
            v.add(field + ".kind", "Unknown module kind");
            return;
        }
        if (m.keys().size() != m.kind().callKeys()) {
            v.add(
                    field + ".keys",
                    m.kind().label() + " has " + m.kind().callKeys() + " call key(s), not "
                            + m.keys().size());
            return;
        }
        for (int k = 0; k < m.keys().size(); k++) {
            String room = m.keys().get(k);
            if (!room.isEmpty() && !room.equals(CENTRE_CALL_NO) && !rooms.contains(room)) {
                v.add(
                        field + ".keys[" + k + "]",
                        "Call key " + (k + 1) + " of module " + (index + 1) + ": room " + room
                                + " is not in Room No. Management");
            }
        }
    }
}
