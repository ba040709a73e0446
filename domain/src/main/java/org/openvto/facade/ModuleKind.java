package org.openvto.facade;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The module kinds of a modular VTO (Quick Start Guide chapter 2). The camera module is always there (with the
 * microphone, speaker, tamper switch and the user port: lock, door sensor, exit button) and carries one call
 * key; the button modules carry one, two or five; keyboard, card swiping and fingerprint modules may be added
 * once each (Quick Start Guide 4.2.7).
 *
 * @param token    the name in files, the API and the event topics ({@code button-5})
 * @param callKeys call keys that are assigned a room (Quick Start Guide 4.2.7.2)
 * @param unique   at most one module of this kind in a layout
 */
public enum ModuleKind {
    CAMERA("camera", "Camera module", 1, true),
    INDICATOR("indicator", "Indicator light module", 0, false),
    AUDIO("audio", "Audio module", 0, false),
    BUTTON_1("button-1", "One-button module", 1, false),
    BUTTON_2("button-2", "Two-button module", 2, false),
    BUTTON_5("button-5", "Five-button module", 5, false),
    KEYBOARD("keyboard", "Keyboard module", 0, true),
    CARD("card", "Card swiping module", 0, true),
    FINGERPRINT("fingerprint", "Fingerprint module", 0, true),
    DISPLAY("display", "Display module", 0, false),
    BLANK("blank", "Blank module", 0, false);

    private final String token;
    private final String label;
    private final int callKeys;
    private final boolean unique;

    ModuleKind(String token, String label, int callKeys, boolean unique) {
        this.token = token;
        this.label = label;
        this.callKeys = callKeys;
        this.unique = unique;
    }

    public String token() {
        return token;
    }

    public String label() {
        return label;
    }

    public int callKeys() {
        return callKeys;
    }

    public boolean unique() {
        return unique;
    }

    /** Every kind but the camera module, which is designed in and cannot be added or removed. */
    public boolean addable() {
        return this != CAMERA;
    }

    public static Optional<ModuleKind> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.token.equals(t)).findFirst();
    }
}
