package org.openvto.household;

import org.openvto.device.SystemType;
import org.openvto.network.ServerType;

/**
 * The configuration steps of seed 4.1 step 2 as they stand, for the main interface's checklist.
 *
 * @param vtoNumberSet        a VTO No. was saved in Local Setting › Basic (4.2.2)
 * @param systemTypeConfirmed System Type was saved at least once (4.2.4 step 4); {@code systemType} says which
 * @param networkSaved        Network Setting › Basic was saved (4.2.3)
 * @param sipServerConfigured the SIP server is this VTO (enabled, type VTO) or a platform with an address (4.2.4)
 */
public record SetupProgress(
        boolean vtoNumberSet,
        boolean systemTypeConfirmed,
        SystemType systemType,
        boolean networkSaved,
        boolean sipServerConfigured,
        ServerType serverType,
        int vtoCount,
        long roomCount) {
    public boolean vtosAdded() {
        return vtoCount > 0;
    }

    public boolean roomsAdded() {
        return roomCount > 0;
    }

    /** System Type is confirmed as TCP/IP, the only type that reaches indoor monitors. */
    public boolean systemTypeReady() {
        return systemTypeConfirmed && systemType == SystemType.TCP_IP;
    }
}
