package org.openvto.household;

import java.util.List;
import org.openvto.device.DeviceProperties;
import org.openvto.facade.FacadeLayout;
import org.openvto.network.NetworkSettings;
import org.openvto.network.SipServerSettings;

/**
 * The whole installer configuration: what export writes and import restores.
 *
 * @param facade the façade layout; {@code null} in a file written before it existed, which keeps the layout
 * @param video Local Setting › Video &amp; Audio without the relay password (never exported: the stored one is kept);
 *     {@code null} in a file written before it existed, which keeps the settings
 */
public record InstallationSnapshot(
        DeviceProperties device,
        NetworkSettings network,
        SipServerSettings sipServer,
        List<VtoEntry> vtos,
        List<RoomDevice> rooms,
        FacadeLayout facade,
        org.openvto.video.VideoSettings video) {}
