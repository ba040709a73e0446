package org.openvto.household;

import java.util.List;
import org.openvto.device.DeviceProperties;
import org.openvto.network.NetworkSettings;
import org.openvto.network.SipServerSettings;

/** The whole installer configuration: what export writes and import restores. */
public record InstallationSnapshot(
        DeviceProperties device,
        NetworkSettings network,
        SipServerSettings sipServer,
        List<VtoEntry> vtos,
        List<RoomDevice> rooms) {}
