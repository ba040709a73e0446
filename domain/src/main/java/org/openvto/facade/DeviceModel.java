package org.openvto.facade;

import java.util.Arrays;
import java.util.Optional;

/**
 * The models of the Quick Start Guide's model list. VTO4202F-MB1, -MB2 and -MB5 take up to 9 added modules, every
 * other model one (Quick Start Guide 4.2.7).
 */
public enum DeviceModel {
    VTO4202F_P("VTO4202F-P", 1),
    VTO4202F_MB1("VTO4202F-MB1", 9),
    VTO4202F_MB2("VTO4202F-MB2", 9),
    VTO4202F_MB5("VTO4202F-MB5", 9),
    VTO4202F_MK("VTO4202F-MK", 1),
    VTO4202F_MR("VTO4202F-MR", 1),
    VTO4202F_MS("VTO4202F-MS", 1),
    VTO4202F_MF("VTO4202F-MF", 1),
    VTO4202F_ML("VTO4202F-ML", 1),
    VTO4202F_MA("VTO4202F-MA", 1);

    /** The most modules any model takes besides the camera module. */
    public static final int MOST_ADDED = 9;

    private final String id;
    private final int maxAdded;

    DeviceModel(String id, int maxAdded) {
        this.id = id;
        this.maxAdded = maxAdded;
    }

    /** The model name as the device reports it ({@code VTO4202F-MB5}). */
    public String id() {
        return id;
    }

    /** Modules that may be added to the camera module. */
    public int maxAdded() {
        return maxAdded;
    }

    /** Reads {@code VTO4202F-MB5} (also with a {@code DH-}/{@code DHI-} prefix, as Dahua devices report it). */
    public static Optional<DeviceModel> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.strip().replaceFirst("^(DH|DHI)-", "");
        return Arrays.stream(values()).filter(m -> m.id.equalsIgnoreCase(t)).findFirst();
    }
}
