package org.openvto.network;

/**
 * Network Setting › SIP Server (Quick Start Guide 4.2.4, Table 4-1). {@code enabled} with type {@link ServerType#VTO}
 * means this VTO is the building's SIP server. Passwords are plaintext here; storage keeps them
 * encrypted with the device key.
 *
 * @param centrePassword register password of the management centre (Centre Call No. {@value #CENTRE_CALL_NO},
 *                       Quick Start Guide 4.2.7) while this VTO is the SIP server; empty: the centre cannot
 *                       register (there is no factory password)
 */
public record SipServerSettings(boolean enabled, ServerType type, String ipAddress, int port, String username,
        String password, String domain, String loginUsername, String loginPassword, String altIpAddress,
        String altUsername, String altPassword, String altVtsIpAddress, boolean altEnabled, boolean supportBuilding,
        boolean supportUnit, String centrePassword) {
    /** The management centre's call number (Quick Start Guide 4.2.7 "888888 is the Centre Call No."). */
    public static final String CENTRE_CALL_NO = "888888";

    /** True when this VTO itself is the SIP server of the building. */
    public boolean thisVtoIsServer() {
        return enabled && type == ServerType.VTO;
    }

    /** Building No. is shown on Device Properties (Quick Start Guide 4.2.4 notes, Table 4-1). */
    public boolean buildingVisible() {
        return !thisVtoIsServer() && (altEnabled || (type == ServerType.PLATFORM && supportBuilding));
    }

    /** Unit No. is shown on Device Properties. */
    public boolean unitVisible() {
        return !thisVtoIsServer() && (altEnabled || (type == ServerType.PLATFORM && supportUnit));
    }
}
