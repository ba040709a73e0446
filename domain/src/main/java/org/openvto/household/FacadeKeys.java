package org.openvto.household;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openvto.device.DeviceService;
import org.openvto.device.SettingKey;
import org.openvto.device.SettingsStore;
import org.openvto.facade.DeviceModel;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.FacadeModule;
import org.openvto.facade.ModuleKind;
import org.openvto.facade.Mounting;

/**
 * The settings of Local Setting › Basic › Façade Layout: each key named once, read and written here. The modules
 * are one value, {@code camera:101|button-5:101,102,,,|keyboard} (kind, then the rooms of its call keys), so a
 * layout is replaced atomically with the rest of a save.
 */
final class FacadeKeys {
    static final SettingKey MODEL = DeviceService.MODEL;
    static final SettingKey MOUNTING = SettingKey.plain("facade.mounting");
    static final SettingKey MODULES = SettingKey.plain("facade.modules");

    private FacadeKeys() {}

    static FacadeLayout read(SettingsStore s, DeviceModel defaultModel) {
        DeviceModel model = s.get(MODEL).flatMap(DeviceModel::parse).orElse(defaultModel);
        Mounting mounting = s.get(MOUNTING).flatMap(Mounting::parse).orElse(Mounting.DEFAULT);
        List<FacadeModule> modules = s.get(MODULES)
                .map(FacadeKeys::modules)
                .orElse(FacadeLayout.initial(model).modules());
        return new FacadeLayout(model, mounting, modules);
    }

    static Map<SettingKey, String> write(FacadeLayout layout) {
        List<String> parts = new ArrayList<>();
        for (FacadeModule m : layout.modules()) {
            parts.add(m.keys().isEmpty() ? m.kind().token() : m.kind().token() + ":" + String.join(",", m.keys()));
        }
        return Map.of(
                MODEL, layout.model().id(),
                MOUNTING, layout.mounting().token(),
                MODULES, String.join("|", parts));
    }

    /** Parses what {@link #write} wrote; a module of an unknown kind (a newer firmware's) is left out. */
    private static List<FacadeModule> modules(String value) {
        List<FacadeModule> modules = new ArrayList<>();
        for (String part : value.split("\\|")) {
            int colon = part.indexOf(':');
            String kind = colon < 0 ? part : part.substring(0, colon);
            List<String> keys = colon < 0
                    ? List.of()
                    : Arrays.asList(part.substring(colon + 1).split(",", -1));
            ModuleKind.parse(kind).ifPresent(k -> modules.add(new FacadeModule(k, keys)));
        }
        return modules;
    }
}
