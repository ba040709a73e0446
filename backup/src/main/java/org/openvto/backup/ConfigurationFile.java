package org.openvto.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.openvto.device.DeviceProperties;
import org.openvto.device.SystemType;
import org.openvto.facade.DeviceModel;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.FacadeModule;
import org.openvto.facade.ModuleKind;
import org.openvto.facade.Mounting;
import org.openvto.household.InstallationSnapshot;
import org.openvto.household.RegisterType;
import org.openvto.household.RoomDevice;
import org.openvto.household.RoomNumber;
import org.openvto.household.VtoEntry;
import org.openvto.network.NetworkSettings;
import org.openvto.network.ServerType;
import org.openvto.network.SipServerSettings;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;
import org.openvto.video.AudioKind;
import org.openvto.video.SourceKind;
import org.openvto.video.StreamSettings;
import org.openvto.video.VideoSettings;

/**
 * The JSON form of the installer configuration, shared by the REST API, the console's backup/restore and
 * {@code openvto config export|import}. Field names are the API's; wrong JSON types are reported as field
 * errors (never exceptions). Stateless and thread-safe.
 *
 * <p>The exported file is pretty-printed JSON with a {@code format} marker. It contains the register
 * and SIP passwords in clear text, because a restore on another device must be able to use them: keep
 * it as safe as the device itself.
 */
public final class ConfigurationFile {
    /** Value of the {@code format} field of an exported file. */
    public static final String FORMAT = "openvto-configuration/1";

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigurationFile() {}

    // ---- whole file ----

    public static String write(InstallationSnapshot s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("device", device(s.device()));
        root.set("network", network(s.network()));
        root.set("sipServer", sipServer(s.sipServer(), true));
        ArrayNode vtos = root.putArray("vtos");
        s.vtos().forEach(v -> vtos.add(vto(v, true)));
        ArrayNode rooms = root.putArray("rooms");
        s.rooms().forEach(r -> rooms.add(room(r)));
        if (s.facade() != null) {
            root.set("facade", facade(s.facade()));
        }
        if (s.video() != null) {
            root.set("video", video(s.video()));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String NOT_JSON = "The file is not an OpenVTO configuration (JSON). Choose a file saved with "
            + "Export configuration (Local Setting › System › Backup); nothing was changed.";

    /** Parses a whole file; structural and type errors are field errors (content rules are checked on restore). */
    public static Result<InstallationSnapshot> read(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // the parser's own message (offsets, token names) means nothing to an installer
            return Result.rejected("file", NOT_JSON);
        }
        Violations v = new Violations();
        if (root == null
                || !root.isObject()
                || !FORMAT.equals(root.path("format").asText())) {
            return Result.rejected(
                    "format", "The file is not an OpenVTO configuration export (format must be " + FORMAT + ")");
        }
        DeviceProperties device = device(sub(v, root, "device"), new Reader(v, "device."), null);
        NetworkSettings network = network(sub(v, root, "network"), new Reader(v, "network."), null);
        SipServerSettings sip = sipServer(sub(v, root, "sipServer"), new Reader(v, "sipServer."), null);
        List<VtoEntry> vtos = new ArrayList<>();
        JsonNode vtoArray = array(v, root, "vtos");
        for (int i = 0; i < vtoArray.size(); i++) {
            vtos.add(vto(vtoArray.get(i), new Reader(v, "vtos[" + i + "].")));
        }
        List<RoomDevice> rooms = new ArrayList<>();
        JsonNode roomArray = array(v, root, "rooms");
        for (int i = 0; i < roomArray.size(); i++) {
            rooms.add(room(roomArray.get(i), new Reader(v, "rooms[" + i + "].")));
        }
        // a file written before the façade layout existed has none: the import keeps the stored layout
        FacadeLayout facade =
                root.has("facade") ? facade(sub(v, root, "facade"), new Reader(v, "facade."), null) : null;
        // likewise for Video & Audio; fields missing from the section take their factory values
        VideoSettings video =
                root.has("video") ? video(sub(v, root, "video"), new Reader(v, "video."), VideoSettings.FACTORY) : null;
        return v.isEmpty()
                ? Result.applied(new InstallationSnapshot(device, network, sip, vtos, rooms, facade, video))
                : Result.rejected(v.list());
    }

    /** Parses {@code text} and restores it through {@code backup}; any error in the file changes nothing. */
    public static Result<org.openvto.household.Change> restore(
            org.openvto.household.BackupService backup, String text) {
        return switch (read(text)) {
            case Result.Rejected<InstallationSnapshot> r -> Result.rejected(r.errors());
            case Result.Applied<InstallationSnapshot> s -> backup.restore(s.value());
        };
    }

    // ---- sections: to JSON ----

    public static ObjectNode device(DeviceProperties p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("deviceName", p.deviceName())
                .put("vtoNumber", p.vtoNumber())
                .put("systemType", p.systemType().label())
                .put("buildingNo", p.buildingNo())
                .put("unitNo", p.unitNo());
        return n;
    }

    public static ObjectNode network(NetworkSettings s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("ipAddress", s.ipAddress())
                .put("subnetMask", s.subnetMask())
                .put("gateway", s.gateway())
                .put("dns", s.dns())
                .put("httpPort", s.httpPort())
                .put("httpsPort", s.httpsPort())
                .put("rtspPort", s.rtspPort())
                .put("sipPort", s.sipPort());
        return n;
    }

    /** With {@code secrets} false the passwords are left out (the API never reads them back). */
    public static ObjectNode sipServer(SipServerSettings s, boolean secrets) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("enabled", s.enabled())
                .put("type", s.type().label())
                .put("ipAddress", s.ipAddress())
                .put("port", s.port())
                .put("username", s.username())
                .put("domain", s.domain())
                .put("loginUsername", s.loginUsername())
                .put("altIpAddress", s.altIpAddress())
                .put("altUsername", s.altUsername())
                .put("altVtsIpAddress", s.altVtsIpAddress())
                .put("altEnabled", s.altEnabled())
                .put("supportBuilding", s.supportBuilding())
                .put("supportUnit", s.supportUnit());
        if (secrets) {
            n.put("password", s.password())
                    .put("loginPassword", s.loginPassword())
                    .put("altPassword", s.altPassword())
                    .put("centrePassword", s.centrePassword());
        }
        return n;
    }

    public static ObjectNode vto(VtoEntry e, boolean secrets) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("recNo", e.recNo())
                .put("registerPassword", e.registerPassword())
                .put("buildingNo", e.buildingNo())
                .put("unitNo", e.unitNo())
                .put("ipAddress", e.ipAddress())
                .put("username", e.username());
        if (secrets) {
            n.put("password", e.password());
        }
        return n;
    }

    public static ObjectNode room(RoomDevice r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("roomNo", r.number().toString())
                .put("firstName", r.firstName())
                .put("lastName", r.lastName())
                .put("nickName", r.nickName())
                .put("registerType", r.registerType().label())
                .put("registerPassword", r.registerPassword());
        return n;
    }

    // ---- sections: from JSON (missing fields fall back to {@code current} when given) ----

    public static DeviceProperties device(JsonNode n, Reader r, DeviceProperties current) {
        DeviceProperties c = current;
        String type = r.str(n, "systemType", c == null ? null : c.systemType().label());
        SystemType systemType = type == null ? null : SystemType.parse(type).orElse(null);
        if (type != null && systemType == null) {
            r.error("systemType", "System Type must be TCP/IP or Analog");
        }
        return new DeviceProperties(
                r.str(n, "deviceName", c == null ? null : c.deviceName()),
                r.str(n, "vtoNumber", c == null ? null : c.vtoNumber()),
                systemType,
                r.str(n, "buildingNo", c == null ? "" : c.buildingNo()),
                r.str(n, "unitNo", c == null ? "" : c.unitNo()));
    }

    public static NetworkSettings network(JsonNode n, Reader r, NetworkSettings c) {
        return new NetworkSettings(
                r.str(n, "ipAddress", c == null ? null : c.ipAddress()),
                r.str(n, "subnetMask", c == null ? null : c.subnetMask()),
                r.str(n, "gateway", c == null ? null : c.gateway()),
                r.str(n, "dns", c == null ? null : c.dns()),
                r.integer(n, "httpPort", c == null ? 0 : c.httpPort()),
                r.integer(n, "httpsPort", c == null ? 0 : c.httpsPort()),
                r.integer(n, "rtspPort", c == null ? 0 : c.rtspPort()),
                r.integer(n, "sipPort", c == null ? 0 : c.sipPort()));
    }

    public static SipServerSettings sipServer(JsonNode n, Reader r, SipServerSettings c) {
        String typeText = r.str(n, "type", c == null ? null : c.type().label());
        ServerType type = typeText == null ? null : ServerType.parse(typeText).orElse(null);
        if (typeText != null && type == null) {
            r.error("type", "Server Type must be VTO or Express/DSS");
        }
        // Switching the type switches the default port when none is given (Table 4-1).
        int defaultPort = c == null
                ? (type == null ? 0 : type.defaultPort())
                : (type != null && type != c.type() && c.port() == c.type().defaultPort()
                        ? type.defaultPort()
                        : c.port());
        String defaultDomain =
                c == null ? "" : (type == ServerType.VTO && c.type() != ServerType.VTO ? "VDP" : c.domain());
        // read in field order: type errors are reported in that order
        return SipServerSettings.builder()
                .enabled(r.bool(n, "enabled", c != null && c.enabled()))
                .type(type)
                .ipAddress(r.str(n, "ipAddress", c == null ? "" : c.ipAddress()))
                .port(r.integer(n, "port", defaultPort))
                .username(r.str(n, "username", c == null ? "" : c.username()))
                .password(r.str(n, "password", ""))
                .domain(r.str(n, "domain", defaultDomain))
                .loginUsername(r.str(n, "loginUsername", c == null ? "" : c.loginUsername()))
                .loginPassword(r.str(n, "loginPassword", ""))
                .altIpAddress(r.str(n, "altIpAddress", c == null ? "" : c.altIpAddress()))
                .altUsername(r.str(n, "altUsername", c == null ? "" : c.altUsername()))
                .altPassword(r.str(n, "altPassword", ""))
                .altVtsIpAddress(r.str(n, "altVtsIpAddress", c == null ? "" : c.altVtsIpAddress()))
                .altEnabled(r.bool(n, "altEnabled", c != null && c.altEnabled()))
                .supportBuilding(r.bool(n, "supportBuilding", c != null && c.supportBuilding()))
                .supportUnit(r.bool(n, "supportUnit", c != null && c.supportUnit()))
                .centrePassword(r.str(n, "centrePassword", ""))
                .build();
    }

    public static VtoEntry vto(JsonNode n, Reader r) {
        return new VtoEntry(
                r.str(n, "recNo", null),
                r.str(n, "registerPassword", ""),
                r.str(n, "buildingNo", ""),
                r.str(n, "unitNo", ""),
                r.str(n, "ipAddress", null),
                r.str(n, "username", ""),
                r.str(n, "password", ""));
    }

    public static RoomDevice room(JsonNode n, Reader r) {
        String number = r.str(n, "roomNo", null);
        String type = r.str(n, "registerType", "public");
        RegisterType registerType = RegisterType.parse(type).orElse(null);
        if (registerType == null) {
            r.error("registerType", "Register Type must be public or local");
        }
        return new RoomDevice(
                RoomNumber.parse(number).orElse(null),
                r.str(n, "firstName", ""),
                r.str(n, "lastName", ""),
                r.str(n, "nickName", ""),
                registerType,
                r.str(n, "registerPassword", ""));
    }

    // ---- façade layout (Quick Start Guide 4.2.7) ----

    public static ObjectNode facade(FacadeLayout f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("model", f.model().id());
        n.putObject("mounting")
                .put("frameSize", f.mounting().frameSize())
                .put("orientation", f.mounting().orientation().token());
        ArrayNode modules = n.putArray("modules");
        for (FacadeModule m : f.modules()) {
            ObjectNode item = modules.addObject().put("kind", m.kind().token());
            if (m.kind().callKeys() > 0) {
                ArrayNode keys = item.putArray("keys");
                m.keys().forEach(keys::add);
            }
        }
        return n;
    }

    /**
     * Reads a layout; absent fields keep those of {@code current} (a partial PUT), or take the defaults when it is
     * null (a file). A module's {@code keys} may be left out: its call keys are then unassigned.
     */
    public static FacadeLayout facade(JsonNode n, Reader r, FacadeLayout current) {
        DeviceModel model = current == null ? null : current.model();
        String modelText = r.str(n, "model", null);
        if (modelText != null) {
            model = DeviceModel.parse(modelText).orElse(null);
            if (model == null) {
                r.error(
                        "model",
                        "Unknown model " + modelText + "; the models are those of the Quick Start Guide, "
                                + "VTO4202F-P, -MB1, -MB2, -MB5, -MK, -MR, -MS, -MF, -ML, -MA");
            }
        } else if (model == null) {
            r.error("model", "must be given");
        }
        Mounting mounting = current == null ? Mounting.DEFAULT : current.mounting();
        JsonNode m = n == null ? null : n.get("mounting");
        if (m != null && !m.isNull()) {
            Reader mr = r.nested("mounting.");
            Mounting.Orientation o = Mounting.Orientation.parse(
                            mr.str(m, "orientation", mounting.orientation().token()))
                    .orElse(null);
            if (o == null) {
                mr.error("orientation", "must be horizontal or vertical");
            }
            mounting = new Mounting(
                    mr.integer(m, "frameSize", mounting.frameSize()), o == null ? mounting.orientation() : o);
        }
        JsonNode list = n == null ? null : n.get("modules");
        if (list == null || list.isNull()) {
            return new FacadeLayout(model, mounting, current == null ? List.of() : current.modules());
        }
        if (!list.isArray()) {
            r.error("modules", "must be a list");
            return new FacadeLayout(model, mounting, List.of());
        }
        List<FacadeModule> modules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            facadeModule(list.get(i), r.nested("modules[" + i + "]."), modules);
        }
        return new FacadeLayout(model, mounting, modules);
    }

    private static void facadeModule(JsonNode item, Reader r, List<FacadeModule> into) {
        String kindText = r.str(item, "kind", null);
        ModuleKind kind = ModuleKind.parse(kindText).orElse(null);
        if (kind == null) {
            r.error(
                    "kind",
                    "Unknown module kind " + kindText + "; one of camera, indicator, audio, button-1, "
                            + "button-2, button-5, keyboard, card, fingerprint, display, blank");
            return;
        }
        JsonNode keys = item.get("keys");
        if (keys == null || keys.isNull()) {
            into.add(FacadeModule.of(kind));
            return;
        }
        List<String> rooms = new ArrayList<>();
        if (!keys.isArray()) {
            r.error("keys", "must be a list of room numbers");
        } else {
            for (int k = 0; k < keys.size(); k++) {
                if (keys.get(k).isTextual()) {
                    rooms.add(keys.get(k).asText());
                } else {
                    r.error("keys[" + k + "]", "must be text (a room number, or \"\" for none)");
                }
            }
        }
        into.add(new FacadeModule(kind, rooms));
    }

    /** Local Setting › Video &amp; Audio; the relay password is never written (the API never reads it back). */
    public static ObjectNode video(VideoSettings s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("source", s.source().token());
        n.set("main", stream(s.main()));
        n.set("sub", stream(s.sub()));
        n.put("mainCommand", s.mainCommand())
                .put("subCommand", s.subCommand())
                .put("relayMainUrl", s.relayMainUrl())
                .put("relaySubUrl", s.relaySubUrl())
                .put("relayUsername", s.relayUsername())
                .put("relayPasswordSet", !s.relayPassword().isEmpty())
                .put("maxStreams", s.maxStreams())
                .put("audio", s.audio().token())
                .put("audioCommand", s.audioCommand());
        return n;
    }

    private static ObjectNode stream(StreamSettings s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("width", s.width())
                .put("height", s.height())
                .put("fps", s.fps())
                .put("bitrateKbps", s.bitrateKbps())
                .put("keyFrameInterval", s.keyFrameInterval());
        return n;
    }

    /** Video &amp; Audio from JSON; missing fields keep {@code c}'s, a missing or empty password keeps the stored one. */
    public static VideoSettings video(JsonNode n, Reader r, VideoSettings c) {
        String sourceText = r.str(n, "source", c.source().token());
        var source = SourceKind.parse(sourceText).orElse(null);
        if (source == null) {
            r.error("source", "Source must be test-camera, command or relay");
            source = c.source();
        }
        String audioText = r.str(n, "audio", c.audio().token());
        var audio = AudioKind.parse(audioText).orElse(null);
        if (audio == null) {
            r.error("audio", "Audio must be none, tone or command");
            audio = c.audio();
        }
        return new VideoSettings(
                source,
                stream(n == null ? null : n.get("main"), r.nested("main."), c.main()),
                stream(n == null ? null : n.get("sub"), r.nested("sub."), c.sub()),
                r.str(n, "mainCommand", c.mainCommand()),
                r.str(n, "subCommand", c.subCommand()),
                r.str(n, "relayMainUrl", c.relayMainUrl()),
                r.str(n, "relaySubUrl", c.relaySubUrl()),
                r.str(n, "relayUsername", c.relayUsername()),
                r.str(n, "relayPassword", ""),
                r.integer(n, "maxStreams", c.maxStreams()),
                audio,
                r.str(n, "audioCommand", c.audioCommand()));
    }

    private static StreamSettings stream(JsonNode n, Reader r, StreamSettings c) {
        if (n != null && !n.isNull() && !n.isObject()) {
            r.error("width", "the stream must be an object");
            return c;
        }
        return new StreamSettings(
                r.integer(n, "width", c.width()),
                r.integer(n, "height", c.height()),
                r.integer(n, "fps", c.fps()),
                r.integer(n, "bitrateKbps", c.bitrateKbps()),
                r.integer(n, "keyFrameInterval", c.keyFrameInterval()));
    }

    private static JsonNode sub(Violations v, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isObject()) {
            v.add(field, "must be an object");
            return MAPPER.createObjectNode();
        }
        return n;
    }

    private static JsonNode array(Violations v, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isArray()) {
            v.add(field, "must be a list");
            return MAPPER.createArrayNode();
        }
        return n;
    }

    /** Reads typed fields, recording wrong types as field errors (with an optional field-name prefix). */
    public static final class Reader {
        private final Violations v;
        private final String prefix;

        public Reader(Violations v, String prefix) {
            this.v = v;
            this.prefix = prefix;
        }

        /** A reader for the fields of a nested object, {@code mounting.frameSize}. */
        public Reader nested(String path) {
            return new Reader(v, prefix + path);
        }

        public void error(String field, String message) {
            v.add(prefix + field, message);
        }

        public String str(JsonNode n, String field, String fallback) {
            JsonNode value = n == null ? null : n.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isTextual()) {
                error(field, "must be text");
                return fallback;
            }
            return value.asText();
        }

        public int integer(JsonNode n, String field, int fallback) {
            JsonNode value = n == null ? null : n.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.canConvertToInt() || !value.isIntegralNumber()) {
                error(field, "must be a whole number");
                return fallback;
            }
            return value.asInt();
        }

        public boolean bool(JsonNode n, String field, boolean fallback) {
            JsonNode value = n == null ? null : n.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                error(field, "must be true or false");
                return fallback;
            }
            return value.asBoolean();
        }
    }
}
