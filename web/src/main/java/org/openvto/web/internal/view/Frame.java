package org.openvto.web.internal.view;

import java.util.List;
import org.openvto.device.DeviceIdentity;

/** What every console page shows around its content: device facts, user, menu, title. */
public record Frame(DeviceIdentity device, String user, List<MenuSection> menu, String activePath, String title) {
    public boolean active(MenuItem item) {
        return item.path().equals(activePath);
    }
}
