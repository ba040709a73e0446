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
public record SipServerSettings(
        boolean enabled,
        ServerType type,
        String ipAddress,
        int port,
        String username,
        String password,
        String domain,
        String loginUsername,
        String loginPassword,
        String altIpAddress,
        String altUsername,
        String altPassword,
        String altVtsIpAddress,
        boolean altEnabled,
        boolean supportBuilding,
        boolean supportUnit,
        String centrePassword) {
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

    /** A builder starting from the factory state: disabled, type VTO, port 5060, domain VDP, every text empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some fields by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = enabled;
        b.type = type;
        b.ipAddress = ipAddress;
        b.port = port;
        b.username = username;
        b.password = password;
        b.domain = domain;
        b.loginUsername = loginUsername;
        b.loginPassword = loginPassword;
        b.altIpAddress = altIpAddress;
        b.altUsername = altUsername;
        b.altPassword = altPassword;
        b.altVtsIpAddress = altVtsIpAddress;
        b.altEnabled = altEnabled;
        b.supportBuilding = supportBuilding;
        b.supportUnit = supportUnit;
        b.centrePassword = centrePassword;
        return b;
    }

    /** Builds settings by field name instead of 17 positional arguments. Not thread-safe. */
    public static final class Builder {
        private boolean enabled = false;
        private ServerType type = ServerType.VTO;
        private String ipAddress = "";
        private int port = 5060;
        private String username = "";
        private String password = "";
        private String domain = "VDP";
        private String loginUsername = "";
        private String loginPassword = "";
        private String altIpAddress = "";
        private String altUsername = "";
        private String altPassword = "";
        private String altVtsIpAddress = "";
        private boolean altEnabled = false;
        private boolean supportBuilding = false;
        private boolean supportUnit = false;
        private String centrePassword = "";

        private Builder() {}

        public Builder enabled(boolean value) {
            this.enabled = value;
            return this;
        }

        public Builder type(ServerType value) {
            this.type = value;
            return this;
        }

        public Builder ipAddress(String value) {
            this.ipAddress = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder username(String value) {
            this.username = value;
            return this;
        }

        public Builder password(String value) {
            this.password = value;
            return this;
        }

        public Builder domain(String value) {
            this.domain = value;
            return this;
        }

        public Builder loginUsername(String value) {
            this.loginUsername = value;
            return this;
        }

        public Builder loginPassword(String value) {
            this.loginPassword = value;
            return this;
        }

        public Builder altIpAddress(String value) {
            this.altIpAddress = value;
            return this;
        }

        public Builder altUsername(String value) {
            this.altUsername = value;
            return this;
        }

        public Builder altPassword(String value) {
            this.altPassword = value;
            return this;
        }

        public Builder altVtsIpAddress(String value) {
            this.altVtsIpAddress = value;
            return this;
        }

        public Builder altEnabled(boolean value) {
            this.altEnabled = value;
            return this;
        }

        public Builder supportBuilding(boolean value) {
            this.supportBuilding = value;
            return this;
        }

        public Builder supportUnit(boolean value) {
            this.supportUnit = value;
            return this;
        }

        public Builder centrePassword(String value) {
            this.centrePassword = value;
            return this;
        }

        public SipServerSettings build() {
            return new SipServerSettings(
                    enabled,
                    type,
                    ipAddress,
                    port,
                    username,
                    password,
                    domain,
                    loginUsername,
                    loginPassword,
                    altIpAddress,
                    altUsername,
                    altPassword,
                    altVtsIpAddress,
                    altEnabled,
                    supportBuilding,
                    supportUnit,
                    centrePassword);
        }
    }
}
