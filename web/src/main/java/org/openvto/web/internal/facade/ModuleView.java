package org.openvto.web.internal.facade;

import java.util.List;
import org.openvto.facade.CallKey;
import org.openvto.facade.ModuleKind;

/**
 * One module as the drawing shows it: its place in the cascade and on the wall (1-based grid row and column) and
 * its call keys as they work now.
 */
public record ModuleView(int index, ModuleKind kind, int row, int column, List<CallKey> keys) {
    public boolean camera() {
        return kind == ModuleKind.CAMERA;
    }
}
