package org.openvto.household;

import java.util.Objects;
import java.util.Set;
import org.openvto.device.DeviceProperties;
import org.openvto.network.Ipv4;
import org.openvto.network.NetworkSettings;
import org.openvto.network.ServerType;
import org.openvto.network.SipServerSettings;
import org.openvto.validation.Violations;

/**
 * The installer-facing rules of Quick Start Guide 4.2.2–4.2.6, as pure checks. Field names are the JSON/API names;
 * messages name the rule. Used by incremental changes and by configuration import alike.
 */
final class InstallationRules {
    static final int NAME_MAX = 32;
    private static final String PRINTABLE = "[^\\p{Cntrl}]*";

    private InstallationRules() {}

    static void checkDevice(Violations v, DeviceProperties p, Set<String> roomBases) {
        text(v, "deviceName", p.deviceName(), 1, NAME_MAX, "Device Name");
        if (v.check(
                p.vtoNumber() != null && p.vtoNumber().matches("[0-9]{1,5}"),
                "vtoNumber",
                "VTO No. must be 1 to 5 digits")) {
            v.check(
                    !roomBases.contains(p.vtoNumber()),
                    "vtoNumber",
                    "VTO No. " + p.vtoNumber() + " is already a room number; VTO and room numbers must differ");
        }
        v.check(p.systemType() != null, "systemType", "System Type must be TCP/IP or Analog");
        optionalDigits(v, "buildingNo", p.buildingNo(), 3, "Building No.");
        optionalDigits(v, "unitNo", p.unitNo(), 2, "Unit No.");
    }

    static void checkNetwork(Violations v, NetworkSettings n) {
        boolean ip = v.check(
                Ipv4.validHost(n.ipAddress()),
                "ipAddress",
                "IP Address must be an IPv4 host address such as 192.168.1.108");
        boolean mask = v.check(
                Ipv4.validMask(n.subnetMask()), "subnetMask", "Subnet Mask must be a valid mask such as 255.255.255.0");
        boolean gw = v.check(Ipv4.validHost(n.gateway()), "gateway", "Default Gateway must be an IPv4 host address");
        v.check(Ipv4.valid(n.dns()) && !"0.0.0.0".equals(n.dns()), "dns", "DNS must be an IPv4 address");
        if (ip && mask) {
            v.check(
                    !Ipv4.networkOrBroadcast(n.ipAddress(), n.subnetMask()),
                    "ipAddress",
                    "IP Address must not be the network or broadcast address of its subnet");
        }
        if (ip && mask && gw) {
            v.check(
                    Ipv4.sameSubnet(n.ipAddress(), n.gateway(), n.subnetMask()),
                    "gateway",
                    "Default Gateway must be in the same subnet as the IP address (" + n.subnetMask() + ")");
            v.check(!n.gateway().equals(n.ipAddress()), "gateway", "Default Gateway must differ from the IP address");
        }
        String[] names = {"httpPort", "httpsPort", "rtspPort", "sipPort"};
        int[] ports = {n.httpPort(), n.httpsPort(), n.rtspPort(), n.sipPort()};
        for (int i = 0; i < ports.length; i++) {
            if (v.check(ports[i] >= 1 && ports[i] <= 65535, names[i], "Port must be between 1 and 65535")) {
                for (int j = 0; j < i; j++) {
                    v.check(
                            ports[i] != ports[j],
                            names[i],
                            "Port " + ports[i] + " is already used by " + label(names[j]));
                }
            }
        }
    }

    static void checkSip(Violations v, SipServerSettings s, SipServerSettings previous) {
        if (!v.check(s.type() != null, "type", "Server Type must be VTO or Express/DSS")) {
            return;
        }
        v.check(
                !(s.enabled() && s.type() == ServerType.PLATFORM),
                "enabled",
                "SIP Server Enable makes this VTO the SIP server: choose Server Type VTO, or clear Enable to use the Express/DSS platform");
        if (s.type() == ServerType.PLATFORM) {
            v.check(
                    Ipv4.validHost(s.ipAddress()),
                    "ipAddress",
                    "IP Address of the Express/DSS platform must be an IPv4 host address");
        } else if (!s.thisVtoIsServer()) {
            // Factory state: no SIP server configured yet (empty); otherwise the other VTO's address.
            optionalIp(v, "ipAddress", s.ipAddress(), "IP Address of the SIP server");
        }
        v.check(s.port() >= 1 && s.port() <= 65535, "port", "Port must be between 1 and 65535");
        if (s.type() == ServerType.VTO) {
            v.check("VDP".equals(s.domain()), "domain", "SIP Domain must be VDP when a VTO is the SIP server");
        } else {
            v.check(
                    s.domain() == null || s.domain().matches("[A-Za-z0-9.-]{0,64}"),
                    "domain",
                    "SIP Domain may be empty or up to 64 letters, digits, dots and hyphens");
        }
        text(v, "username", s.username(), 0, 32, "Username");
        text(v, "password", s.password(), 0, 64, "Password");
        text(v, "loginUsername", s.loginUsername(), 0, 32, "Login Username");
        text(v, "loginPassword", s.loginPassword(), 0, 64, "Login Password");
        optionalIp(v, "altIpAddress", s.altIpAddress(), "Alternate IP Addr.");
        optionalIp(v, "altVtsIpAddress", s.altVtsIpAddress(), "Alternate VTS IP Addr.");
        text(v, "altUsername", s.altUsername(), 0, 32, "Alternate Username");
        text(v, "altPassword", s.altPassword(), 0, 64, "Alternate Password");
        text(v, "centrePassword", s.centrePassword(), 0, 64, "Management Centre Register Password");
        if (s.altEnabled()) {
            v.check(
                    !s.thisVtoIsServer(),
                    "altEnabled",
                    "An alternate server is used only when another server is the SIP server");
            v.check(
                    !blank(s.altIpAddress()),
                    "altIpAddress",
                    "Enter Alternate IP Addr. before enabling the Alternate Server");
            v.check(
                    !blank(s.altUsername()),
                    "altUsername",
                    "Enter Alternate Username before enabling the Alternate Server");
            v.check(
                    !blank(s.altPassword()),
                    "altPassword",
                    "Enter Alternate Password before enabling the Alternate Server");
            v.check(
                    !blank(s.altVtsIpAddress()),
                    "altVtsIpAddress",
                    "Enter Alternate VTS IP Addr. before enabling the Alternate Server");
        }
        if (previous != null && previous.altEnabled() && s.altEnabled()) {
            lockedWhileAlternate(v, s, previous);
        }
    }

    /** Table 4-1: once Alternate Server is enabled, only the Alternate VTS IP can be edited. */
    private static void lockedWhileAlternate(Violations v, SipServerSettings s, SipServerSettings p) {
        String rule =
                " cannot be changed while the Alternate Server is enabled (only Alternate VTS IP Addr. can); clear Alternate Server Enable first";
        v.check(s.enabled() == p.enabled(), "enabled", "SIP Server Enable" + rule);
        v.check(s.type() == p.type(), "type", "Server Type" + rule);
        v.check(Objects.equals(s.ipAddress(), p.ipAddress()), "ipAddress", "IP Address" + rule);
        v.check(s.port() == p.port(), "port", "Port" + rule);
        v.check(Objects.equals(s.username(), p.username()), "username", "Username" + rule);
        v.check(Objects.equals(s.password(), p.password()), "password", "Password" + rule);
        v.check(Objects.equals(s.domain(), p.domain()), "domain", "SIP Domain" + rule);
        v.check(Objects.equals(s.loginUsername(), p.loginUsername()), "loginUsername", "Login Username" + rule);
        v.check(Objects.equals(s.loginPassword(), p.loginPassword()), "loginPassword", "Login Password" + rule);
        v.check(Objects.equals(s.altIpAddress(), p.altIpAddress()), "altIpAddress", "Alternate IP Addr." + rule);
        v.check(Objects.equals(s.altUsername(), p.altUsername()), "altUsername", "Alternate Username" + rule);
        v.check(Objects.equals(s.altPassword(), p.altPassword()), "altPassword", "Alternate Password" + rule);
        v.check(s.supportBuilding() == p.supportBuilding(), "supportBuilding", "Support Building" + rule);
        v.check(s.supportUnit() == p.supportUnit(), "supportUnit", "Support Unit" + rule);
    }

    static void checkVto(Violations v, VtoEntry e, boolean thisVtoIsServer, Set<String> roomBases) {
        if (v.check(e.recNo() != null && e.recNo().matches("[0-9]{1,5}"), "recNo", "Rec No. must be 1 to 5 digits")) {
            v.check(
                    !roomBases.contains(e.recNo()),
                    "recNo",
                    "Rec No. " + e.recNo() + " is already a room number; VTO and room numbers must differ");
        }
        text(v, "registerPassword", e.registerPassword(), 1, 64, "Register Password");
        if (thisVtoIsServer) {
            v.check(
                    blank(e.buildingNo()),
                    "buildingNo",
                    "Build No. is available only when another server is the SIP server");
            v.check(blank(e.unitNo()), "unitNo", "Unit No. is available only when another server is the SIP server");
        } else {
            optionalDigits(v, "buildingNo", e.buildingNo(), 3, "Build No.");
            optionalDigits(v, "unitNo", e.unitNo(), 2, "Unit No.");
        }
        v.check(Ipv4.validHost(e.ipAddress()), "ipAddress", "IP Address must be an IPv4 host address");
        text(v, "username", e.username(), 0, 32, "Username");
        text(v, "password", e.password(), 0, 64, "Password");
    }

    static void checkRoom(Violations v, RoomDevice r, Set<String> vtoNumbers) {
        if (v.check(
                r.number() != null,
                "roomNo",
                "Room No. must be 1 to 6 letters or digits, optionally followed by #0 (master) or #1 to #99 (extension)")) {
            v.check(r.number().index() <= RoomNumber.MAX_INDEX, "roomNo", "Extension numbers go up to #99");
            v.check(
                    !vtoNumbers.contains(r.number().room()),
                    "roomNo",
                    "Room No. " + r.number().room() + " is already a VTO number; VTO and room numbers must differ");
        }
        text(v, "firstName", r.firstName(), 0, NAME_MAX, "First Name");
        text(v, "lastName", r.lastName(), 0, NAME_MAX, "Last Name");
        text(v, "nickName", r.nickName(), 0, NAME_MAX, "Nick Name");
        v.check(r.registerType() != null, "registerType", "Register Type must be public or local");
        text(v, "registerPassword", r.registerPassword(), 1, 64, "Register Password");
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void text(Violations v, String field, String value, int min, int max, String label) {
        int len = value == null ? 0 : value.length();
        if (!v.check(
                len >= min && len <= max,
                field,
                min > 0
                        ? label + " must be " + min + " to " + max + " characters"
                        : label + " must be at most " + max + " characters")) {
            return;
        }
        v.check(value == null || value.matches(PRINTABLE), field, label + " must not contain control characters");
    }

    private static void optionalDigits(Violations v, String field, String value, int max, String label) {
        v.check(
                blank(value) || value.matches("[0-9]{1," + max + "}"),
                field,
                label + " must be empty or 1 to " + max + " digits");
    }

    private static void optionalIp(Violations v, String field, String value, String label) {
        v.check(blank(value) || Ipv4.validHost(value), field, label + " must be empty or an IPv4 host address");
    }

    private static String label(String portField) {
        return switch (portField) {
            case "httpPort" -> "HTTP";
            case "httpsPort" -> "HTTPS";
            case "rtspPort" -> "RTSP";
            default -> "SIP";
        };
    }
}
