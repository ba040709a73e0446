package org.openvto.device;

/**
 * Local Setting › Basic › Device Properties (Quick Start Guide 4.2.2 and 4.2.4).
 *
 * @param vtoNumber  the VTO No.: 1–5 digits, different from every room number
 * @param buildingNo Building No., empty when not used (hidden while this VTO is the SIP server)
 * @param unitNo     Unit No., empty when not used
 */
public record DeviceProperties(
        String deviceName, String vtoNumber, SystemType systemType, String buildingNo, String unitNo) {}
