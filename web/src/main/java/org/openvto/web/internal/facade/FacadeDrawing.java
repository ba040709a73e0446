package org.openvto.web.internal.facade;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openvto.facade.CallKey;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.Mounting;

/** Places the modules of a layout on the wall grid the pages draw, with their call keys resolved. */
public final class FacadeDrawing {
    private FacadeDrawing() {}

    public static List<ModuleView> modules(FacadeLayout layout, Set<String> rooms) {
        List<CallKey> keys = CallKey.of(layout, rooms);
        List<ModuleView> views = new ArrayList<>();
        for (int i = 0; i < layout.modules().size(); i++) {
            int index = i;
            Mounting.Position p = layout.mounting().position(i);
            views.add(new ModuleView(
                    i,
                    layout.modules().get(i).kind(),
                    p.row() + 1,
                    p.column() + 1,
                    keys.stream().filter(k -> k.module() == index).toList()));
        }
        return views;
    }

    public static int rows(List<ModuleView> modules) {
        return modules.stream().mapToInt(ModuleView::row).max().orElse(1);
    }

    public static int columns(List<ModuleView> modules) {
        return modules.stream().mapToInt(ModuleView::column).max().orElse(1);
    }
}
