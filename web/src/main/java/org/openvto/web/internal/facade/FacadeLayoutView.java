package org.openvto.web.internal.facade;

import java.util.List;
import org.openvto.facade.DeviceModel;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.ModuleKind;
import org.openvto.facade.io.ModuleStatus;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** What the template {@code console/facade.jte} shows: Local Setting › Basic › Façade Layout. */
public record FacadeLayoutView(
        FacadeLayout layout,
        List<ModuleView> modules,
        int rows,
        int columns,
        List<DeviceModel> models,
        List<ModuleKind> addable,
        List<RoomChoice> rooms,
        List<ModuleStatus> statuses,
        FormErrors errors,
        Notice notice) {}
