package org.openvto.web.internal.device;

import org.openvto.device.DeviceProperties;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** What the template {@code console/basic.jte} shows: Local Setting › Basic › Device Properties. */
public record DevicePropertiesView(
        DeviceProperties props,
        FormErrors errors,
        Notice notice,
        boolean buildingVisible,
        boolean unitVisible,
        boolean vtoNumberEditable,
        String connectionProblem) {}
