package org.openvto.web.internal.facade;

import java.time.Instant;
import java.util.List;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.io.FacadeControl.FacadeState;
import org.openvto.facade.io.KeypadKey;

/**
 * What the templates {@code console/virtual_facade.jte} and its live part {@code virtual_facade_state.jte}
 * show: the modules drawn as the column on the wall, with what the façade shows and senses now.
 *
 * @param now to show the time a lock pulse has left
 */
public record VirtualFacadeView(
        FacadeLayout layout,
        List<ModuleView> modules,
        int rows,
        int columns,
        FacadeState state,
        List<KeypadKey> keypad,
        Instant now) {
    /** The Braille cell embossed next to a digit key (digits 1–9, 0 are the cells of a–j), else empty. */
    public String braille(KeypadKey key) {
        String cells = "⠚⠁⠃⠉⠙⠑⠋⠛⠓⠊";
        return key.digit() ? String.valueOf(cells.charAt(key.symbol() - '0')) : "";
    }

    /** Seconds a lock's pulse has left, or -1 while it is held or released. */
    public long secondsLeft(int lock) {
        return state.locks()
                .get(lock)
                .until()
                .map(u -> Math.max(0, u.getEpochSecond() - now.getEpochSecond()))
                .orElse(-1L);
    }
}
