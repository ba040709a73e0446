package org.openvto.network;

/**
 * Network Setting › SIP Server (seed 4.2.4, Table 4-1). {@code enabled} with type {@link ServerType#VTO}
 * means this VTO is the building's SIP server. Passwords are plaintext here; storage keeps them
 * encrypted with the device key.
 */
public record SipServerSettings(boolean enabled, ServerType type, String ipAddress, int port, String username,
        String password, String domain, String loginUsername, String loginPassword, String altIpAddress,
        String altUsername, String altPassword, String altVtsIpAddress, boolean altEnabled, boolean supportBuilding,
        boolean supportUnit) {

    /** True when this VTO itself is the SIP server of the building. */
    public boolean thisVtoIsServer() {
        return enabled && type == ServerType.VTO;
    }

    /** Building No. is shown on Device Properties (seed 4.2.4 notes, Table 4-1). */
    public boolean buildingVisible() {
        return !thisVtoIsServer() && (altEnabled || (type == ServerType.PLATFORM && supportBuilding));
    }

    /** Unit No. is shown on Device Properties. */
    public boolean unitVisible() {
        return !thisVtoIsServer() && (altEnabled || (type == ServerType.PLATFORM && supportUnit));
    }
}
