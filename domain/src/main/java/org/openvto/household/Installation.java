package org.openvto.household;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.openvto.device.DeviceProperties;
import org.openvto.device.DeviceService;
import org.openvto.device.SettingsStore;
import org.openvto.device.SystemType;
import org.openvto.event.EventBus;
import org.openvto.network.NetworkDefaults;
import org.openvto.network.NetworkSettings;
import org.openvto.network.ServerType;
import org.openvto.network.SipServerSettings;
import org.openvto.security.SecretCipher;
import org.openvto.security.SecurityEvent;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;

/**
 * The installer's configuration of this VTO (Quick Start Guide 4.1 step 2, 4.2.2–4.2.6): device properties, TCP/IP,
 * SIP server, VTO list and room list, with every rule of the guide. Each change is checked completely
 * first and written in one transaction, or rejected with field errors and nothing written. After a
 * change a {@link ConfigChanged} event says which services must restart.
 *
 * <p>Thread-safe: changes are serialised so a check and its write see the same state.
 */
public final class Installation {
    /** Rooms one batch may create (99 floors × 99 rooms). */
    public static final int MAX_BATCH = 99 * 99;

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SettingsStore settings;
    private final HouseholdStore household;
    private final SecretCipher cipher;
    private final EventBus bus;
    private final String defaultName;
    private final NetworkDefaults networkDefaults;
    private final int defaultHttpPort;

    public Installation(
            SettingsStore settings,
            HouseholdStore household,
            SecretCipher cipher,
            EventBus bus,
            String defaultName,
            NetworkDefaults networkDefaults,
            int defaultHttpPort) {
        this.settings = settings;
        this.household = household;
        this.cipher = cipher;
        this.bus = bus;
        this.defaultName = defaultName;
        this.networkDefaults = networkDefaults;
        this.defaultHttpPort = defaultHttpPort;
    }

    /** What a save did: which services restart to apply it. */
    public record Change(Set<Service> restart) {}

    /** A fresh random register password, as the Add forms fill in by default (no fixed factory password). */
    public static String newRegisterPassword() {
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    // ---- Local Setting › Basic ------------------------------------------------------------------

    public DeviceProperties deviceProperties() {
        return new DeviceProperties(
                settings.get(DeviceService.NAME).orElse(defaultName),
                settings.get(DeviceService.VTO_NUMBER).orElse(DeviceService.DEFAULT_VTO_NUMBER),
                settings.get("device.system-type").flatMap(SystemType::parse).orElse(SystemType.ANALOG),
                settings.get("device.building-no").orElse(""),
                settings.get("device.unit-no").orElse(""));
    }

    /** Why the VTO cannot reach VTHs now, if it cannot (Quick Start Guide 4.2.4: analogue system type). */
    public Optional<String> connectionProblem() {
        return deviceProperties().systemType() == SystemType.ANALOG
                ? Optional.of("System Type is Analog: this VTO does not connect to indoor monitors (VTH). "
                        + "Select TCP/IP in Local Setting › Basic.")
                : Optional.empty();
    }

    public synchronized Result<Change> updateDeviceProperties(DeviceProperties p) {
        DeviceProperties old = deviceProperties();
        SipServerSettings sip = sipServer();
        Violations v = new Violations();
        InstallationRules.checkDevice(v, p, household.roomBases());
        if (!v.has("vtoNumber") && sip.thisVtoIsServer() && !p.vtoNumber().equals(old.vtoNumber())) {
            v.add("vtoNumber", "VTO No. cannot be changed while this VTO is the SIP server (seed 4.2.2)");
        }
        if (!v.has("vtoNumber")
                && !p.vtoNumber().equals(old.vtoNumber())
                && household.vto(p.vtoNumber()).isPresent()) {
            v.add("vtoNumber", "VTO No. " + p.vtoNumber() + " belongs to another VTO in VTO No. Management");
        }
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        // Building/Unit No. keep their stored value while hidden (Quick Start Guide 4.2.4 notes).
        String building = sip.buildingVisible() ? nz(p.buildingNo()) : old.buildingNo();
        String unit = sip.unitVisible() ? nz(p.unitNo()) : old.unitNo();
        settings.putAll(Map.of(
                DeviceService.NAME,
                p.deviceName(),
                DeviceService.VTO_NUMBER,
                p.vtoNumber(),
                "device.system-type",
                p.systemType().name(),
                "device.building-no",
                building,
                "device.unit-no",
                unit));
        Set<Service> restart = p.systemType() != old.systemType() ? Set.of(Service.SIP) : Set.of();
        return changed("device", restart, RecordDiff.of(old, deviceProperties()));
    }

    // ---- Network Setting › Basic -----------------------------------------------------------------

    public NetworkSettings network() {
        NetworkSettings d = networkDefaults.settings();
        return new NetworkSettings(
                settings.get("network.ip-address").orElse(d.ipAddress()),
                settings.get("network.subnet-mask").orElse(d.subnetMask()),
                settings.get("network.gateway").orElse(d.gateway()),
                settings.get("network.dns").orElse(d.dns()),
                intSetting("network.http-port", defaultHttpPort),
                intSetting("network.https-port", d.httpsPort()),
                intSetting("network.rtsp-port", d.rtspPort()),
                intSetting("network.sip-port", d.sipPort()));
    }

    public synchronized Result<Change> updateNetwork(NetworkSettings n) {
        Violations v = new Violations();
        InstallationRules.checkNetwork(v, n);
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        NetworkSettings old = network();
        settings.putAll(networkMap(n));
        Set<Service> restart = java.util.EnumSet.noneOf(Service.class);
        if (!n.ipAddress().equals(old.ipAddress()) || n.httpPort() != old.httpPort()) {
            restart.add(Service.HTTP);
        }
        if (n.httpsPort() != old.httpsPort()) {
            restart.add(Service.HTTPS);
        }
        if (n.rtspPort() != old.rtspPort() || !n.ipAddress().equals(old.ipAddress())) {
            restart.add(Service.RTSP);
        }
        if (n.sipPort() != old.sipPort() || !n.ipAddress().equals(old.ipAddress())) {
            restart.add(Service.SIP);
        }
        return changed("network", restart, RecordDiff.of(old, n));
    }

    // ---- Network Setting › SIP Server ------------------------------------------------------------

    public SipServerSettings sipServer() {
        ServerType type = settings.get("sip.type").flatMap(ServerType::parse).orElse(ServerType.VTO);
        return SipServerSettings.builder()
                .enabled(bool("sip.enabled"))
                .type(type)
                .ipAddress(settings.get("sip.ip-address").orElse(""))
                .port(intSetting("sip.port", type.defaultPort()))
                .username(settings.get("sip.username").orElse(""))
                .password(secret("sip.password"))
                .domain(settings.get("sip.domain").orElse(type == ServerType.VTO ? "VDP" : ""))
                .loginUsername(settings.get("sip.login-username").orElse(""))
                .loginPassword(secret("sip.login-password"))
                .altIpAddress(settings.get("sip.alt-ip-address").orElse(""))
                .altUsername(settings.get("sip.alt-username").orElse(""))
                .altPassword(secret("sip.alt-password"))
                .altVtsIpAddress(settings.get("sip.alt-vts-ip-address").orElse(""))
                .altEnabled(bool("sip.alt-enabled"))
                .supportBuilding(bool("sip.support-building"))
                .supportUnit(bool("sip.support-unit"))
                .centrePassword(secret("sip.centre-password"))
                .build();
    }

    /** Saves the SIP server page; blank password fields keep the stored passwords. */
    public synchronized Result<Change> updateSipServer(SipServerSettings incoming) {
        Violations v = new Violations();
        SipServerSettings old = sipServer();
        SipServerSettings s = incoming.toBuilder()
                .password(keep(incoming.password(), old.password()))
                .loginPassword(keep(incoming.loginPassword(), old.loginPassword()))
                .altPassword(keep(incoming.altPassword(), old.altPassword()))
                .centrePassword(keep(incoming.centrePassword(), old.centrePassword()))
                .build();
        InstallationRules.checkSip(v, s, old);
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        settings.putAll(sipMap(s));
        return changed("sip-server", Set.of(Service.SIP), RecordDiff.of(old, s));
    }

    // ---- Household Setting › VTO No. Management ----------------------------------------------------

    public List<VtoEntry> vtos() {
        return household.vtos();
    }

    public Optional<VtoEntry> vto(String recNo) {
        return household.vto(recNo);
    }

    /**
     * Quick Start Guide 4.2.5: "be sure to add the SIP server itself too" — a warning when this server is
     * missing from the list.
     */
    public Optional<String> vtoListWarning() {
        if (!sipServer().thisVtoIsServer()) {
            return Optional.empty();
        }
        String own = deviceProperties().vtoNumber();
        return household.vto(own).isPresent()
                ? Optional.empty()
                : Optional.of("This VTO (No. " + own + ") is the SIP server but is not in the list. Add it too, or "
                        + "other VTOs cannot call it.");
    }

    public synchronized Result<Change> addVto(VtoEntry e) {
        Violations v = new Violations();
        InstallationRules.checkVto(v, e, sipServer().thisVtoIsServer(), household.roomBases());
        if (!v.has("recNo") && household.vto(e.recNo()).isPresent()) {
            v.add("recNo", "Rec No. " + e.recNo() + " is already in the list");
        }
        return saveVto(v, e, "VTO " + e.recNo() + " added");
    }

    /** Modifies the VTO {@code recNo}; a blank password keeps the stored one. Rec No. itself is fixed. */
    public synchronized Result<Change> updateVto(String recNo, VtoEntry e) {
        Optional<VtoEntry> old = household.vto(recNo);
        if (old.isEmpty()) {
            return Result.rejected("recNo", "No VTO with Rec No. " + recNo);
        }
        VtoEntry merged = new VtoEntry(
                recNo,
                keep(e.registerPassword(), old.get().registerPassword()),
                e.buildingNo(),
                e.unitNo(),
                e.ipAddress(),
                e.username(),
                keep(e.password(), old.get().password()));
        Violations v = new Violations();
        InstallationRules.checkVto(v, merged, sipServer().thisVtoIsServer(), household.roomBases());
        return saveVto(v, merged, "VTO " + recNo + " modified: " + RecordDiff.of(old.get(), merged));
    }

    private Result<Change> saveVto(Violations v, VtoEntry e, String what) {
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        household.saveVto(new VtoEntry(
                e.recNo(),
                e.registerPassword(),
                nz(e.buildingNo()),
                nz(e.unitNo()),
                e.ipAddress(),
                nz(e.username()),
                nz(e.password())));
        return changed("household", Set.of(), what);
    }

    public synchronized Result<Change> deleteVto(String recNo) {
        return household.deleteVto(recNo)
                ? changed("household", Set.of(), "VTO " + recNo + " deleted")
                : Result.rejected("recNo", "No VTO with Rec No. " + recNo);
    }

    // ---- Household Setting › Room No. Management ---------------------------------------------------

    public List<RoomDevice> rooms(String search, int offset, int limit) {
        return household.rooms(nz(search).strip(), offset, limit);
    }

    public long countRooms(String search) {
        return household.countRooms(nz(search).strip());
    }

    public Optional<RoomDevice> room(RoomNumber number) {
        return household.room(number);
    }

    public synchronized Result<Change> addRoom(RoomDevice r) {
        Violations v = new Violations();
        InstallationRules.checkRoom(v, r, vtoNumbers());
        if (!v.has("roomNo")) {
            RoomNumber n = r.number();
            List<Integer> existing = household.indices(n.room());
            if (existing.contains(n.index())) {
                v.add("roomNo", "Room No. " + n + " already exists");
            } else if (!n.master() && !existing.contains(0)) {
                v.add("roomNo", "Add the master VTH " + n.room() + "#0 before its extensions");
            } else if (!n.master() && existing.stream().filter(i -> i > 0).count() >= RoomNumber.MAX_EXTENSIONS) {
                v.add(
                        "roomNo",
                        "Room " + n.room() + " already has " + RoomNumber.MAX_EXTENSIONS
                                + " extensions, the most one master VTH can have");
            }
        }
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        household.saveRoom(r);
        return changed("household", Set.of(), "room " + r.number() + " added");
    }

    /** Modifies names, register type and password; a blank password keeps the stored one. */
    public synchronized Result<Change> updateRoom(RoomNumber number, RoomDevice r) {
        Optional<RoomDevice> old = household.room(number);
        if (old.isEmpty()) {
            return Result.rejected("roomNo", "No room " + number);
        }
        RoomDevice merged = new RoomDevice(
                number,
                r.firstName(),
                r.lastName(),
                r.nickName(),
                r.registerType(),
                keep(r.registerPassword(), old.get().registerPassword()));
        Violations v = new Violations();
        InstallationRules.checkRoom(v, merged, Set.of());
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        household.saveRoom(merged);
        return changed("household", Set.of(), "room " + number + " modified: " + RecordDiff.of(old.get(), merged));
    }

    public synchronized Result<Change> deleteRoom(RoomNumber number) {
        if (household.room(number).isEmpty()) {
            return Result.rejected("roomNo", "No room " + number);
        }
        if (number.master() && household.indices(number.room()).stream().anyMatch(i -> i > 0)) {
            return Result.rejected("roomNo", "Delete the extensions of " + number.room() + " before its master VTH");
        }
        household.deleteRoom(number);
        return changed("household", Set.of(), "room " + number + " deleted");
    }

    /** "Clear": deletes every room. */
    public synchronized int clearRooms() {
        int n = household.clearRooms();
        changed("household", Set.of(), "rooms cleared (" + n + ")");
        return n;
    }

    /** Outcome of a batch: rooms created, and rooms that already existed and were left as they were. */
    public record BatchOutcome(int created, int alreadyExisted) {}

    /** Checks a batch without writing; field names {@code layers}, {@code roomsPerLayer}, {@code firstFloorNo}, {@code secondFloorNo}. */
    public Result<List<String>> planBatch(BatchSpec spec) {
        Violations v = new Violations();
        v.check(spec.layers() >= 1 && spec.layers() <= 99, "layers", "Unit Layer Amount must be 1 to 99");
        v.check(
                spec.roomsPerLayer() >= 1 && spec.roomsPerLayer() <= 99,
                "roomsPerLayer",
                "Room Amount in One Layer must be 1 to 99");
        v.check(
                spec.firstFloorNo() >= 1 && spec.firstFloorNo() <= 999_999,
                "firstFloorNo",
                "First Floor Number must be 1 to 999999");
        checkFloors(v, spec);
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        List<String> rooms = spec.roomNumbers();
        String last = rooms.get(rooms.size() - 1);
        if (last.length() > 6) {
            return Result.rejected("layers", "The last room would be " + last + ": room numbers have at most 6 digits");
        }
        Set<String> vtoNumbers = vtoNumbers();
        List<String> clashes =
                rooms.stream().filter(vtoNumbers::contains).limit(5).toList();
        if (!clashes.isEmpty()) {
            return Result.rejected(
                    "firstFloorNo",
                    "Room number(s) " + String.join(", ", clashes)
                            + " would equal VTO numbers; VTO and room numbers must differ");
        }
        return Result.applied(rooms);
    }

    /**
     * Floor rules of "Add in batch" (seed 4.2.6): the second floor lies above the first, and far enough that the
     * first floor's rooms do not run into it. A value that is not a number (negative here) is reported by the
     * caller and skipped, so that every other rule is still reported at once.
     */
    private static void checkFloors(Violations v, BatchSpec spec) {
        if (spec.secondFloorNo() < 0 || spec.firstFloorNo() < 1) {
            return;
        }
        if (v.check(
                spec.secondFloorNo() > spec.firstFloorNo(),
                "secondFloorNo",
                "Second floor below first floor: Second Floor Number must be greater than First Floor Number")) {
            v.check(
                    spec.secondFloorNo() - spec.firstFloorNo() >= spec.roomsPerLayer(),
                    "secondFloorNo",
                    "Floors overlap: Second Floor Number must be at least First Floor Number + Room Amount in One Layer");
        }
    }

    /** "Add in batch": creates the master rooms of {@code spec} in one transaction, reporting progress. */
    public synchronized Result<BatchOutcome> addBatch(BatchSpec spec, IntConsumer progress) {
        return switch (planBatch(spec)) {
            case Result.Rejected<List<String>> r -> Result.rejected(r.errors());
            case Result.Applied<List<String>> plan -> {
                List<RoomDevice> rooms = new ArrayList<>(plan.value().size());
                for (String room : plan.value()) {
                    rooms.add(new RoomDevice(
                            new RoomNumber(room, 0), "", "", "", RegisterType.PUBLIC, newRegisterPassword()));
                }
                int created = household.insertRooms(rooms, progress);
                changed(
                        "household",
                        Set.of(),
                        "rooms added in batch (" + created + " new: " + spec.layers() + " layers × "
                                + spec.roomsPerLayer() + " from " + spec.firstFloorNo() + "/" + spec.secondFloorNo()
                                + ")");
                yield Result.applied(new BatchOutcome(created, rooms.size() - created));
            }
        };
    }

    // ---- Main interface checklist and reboot ------------------------------------------------------

    /**
     * How far the installer got with seed 4.1 step 2, read from what is stored: a step counts as done when its
     * setting was saved (VTO No., System Type, TCP/IP) or its list is not empty — never from a separate flag.
     */
    public SetupProgress setupProgress() {
        SipServerSettings sip = sipServer();
        boolean sipConfigured = settings.get("sip.enabled").isPresent()
                && sip.type() != null
                && (sip.thisVtoIsServer()
                        || (sip.type() == ServerType.PLATFORM
                                && !sip.ipAddress().isEmpty()));
        return new SetupProgress(
                settings.get(DeviceService.VTO_NUMBER).isPresent(),
                settings.get("device.system-type").isPresent(),
                deviceProperties().systemType(),
                settings.get("network.ip-address").isPresent(),
                sipConfigured,
                sip.type(),
                household.vtos().size(),
                household.countRooms(""));
    }

    /** Asks every service to restart in-process (Local Setting › System › Reboot), recorded in the security log. */
    public void requestReboot() {
        Actor actor = Actor.current();
        bus.publish(new SecurityEvent.SystemRebooted(actor.username(), actor.source(), "reboot requested"));
        bus.publish(new RebootRequested(actor));
    }

    // ---- Export / import ---------------------------------------------------------------------------

    public InstallationSnapshot snapshot() {
        List<RoomDevice> rooms = household.rooms("", 0, Integer.MAX_VALUE);
        return new InstallationSnapshot(deviceProperties(), network(), sipServer(), household.vtos(), rooms);
    }

    /** Validates the whole snapshot, then replaces everything in one transaction; rejected: nothing changes. */
    public synchronized Result<Change> restore(InstallationSnapshot s) {
        Violations v = new Violations();
        if (s.device() == null
                || s.network() == null
                || s.sipServer() == null
                || s.vtos() == null
                || s.rooms() == null) {
            return Result.rejected("file", "The file must contain device, network, sipServer, vtos and rooms");
        }
        Set<String> bases = new HashSet<>();
        s.rooms().forEach(r -> {
            if (r.number() != null) {
                bases.add(r.number().room());
            }
        });
        prefixed(v, "device", sub -> InstallationRules.checkDevice(sub, s.device(), bases));
        prefixed(v, "network", sub -> InstallationRules.checkNetwork(sub, s.network()));
        prefixed(v, "sipServer", sub -> InstallationRules.checkSip(sub, s.sipServer(), null));
        Set<String> vtoNumbers = new HashSet<>();
        vtoNumbers.add(s.device().vtoNumber());
        for (int i = 0; i < s.vtos().size(); i++) {
            VtoEntry e = s.vtos().get(i);
            prefixed(
                    v,
                    "vtos[" + i + "]",
                    sub -> InstallationRules.checkVto(sub, e, s.sipServer().thisVtoIsServer(), bases));
            if (!vtoNumbers.add(e.recNo()) && !e.recNo().equals(s.device().vtoNumber())) {
                v.add("vtos[" + i + "].recNo", "Rec No. " + e.recNo() + " appears twice");
            }
        }
        checkRoomStructure(v, s.rooms(), vtoNumbers);
        if (!v.isEmpty()) {
            return Result.rejected(v.list());
        }
        Map<String, String> all = new HashMap<>();
        all.putAll(Map.of(
                DeviceService.NAME,
                s.device().deviceName(),
                DeviceService.VTO_NUMBER,
                s.device().vtoNumber(),
                "device.system-type",
                s.device().systemType().name(),
                "device.building-no",
                nz(s.device().buildingNo()),
                "device.unit-no",
                nz(s.device().unitNo())));
        all.putAll(networkMap(s.network()));
        all.putAll(sipMap(s.sipServer()));
        household.replaceAll(all, s.vtos(), s.rooms());
        return changed(
                "import",
                java.util.EnumSet.allOf(Service.class),
                "configuration imported (" + s.vtos().size() + " VTOs, "
                        + s.rooms().size() + " rooms)");
    }

    private void checkRoomStructure(Violations v, List<RoomDevice> rooms, Set<String> vtoNumbers) {
        Set<String> seen = new HashSet<>();
        Map<String, Integer> extensions = new HashMap<>();
        Set<String> masters = new HashSet<>();
        for (RoomDevice r : rooms) {
            if (r.number() != null && r.number().master()) {
                masters.add(r.number().room());
            }
        }
        for (int i = 0; i < rooms.size(); i++) {
            RoomDevice r = rooms.get(i);
            String field = "rooms[" + i + "]";
            prefixed(v, field, sub -> InstallationRules.checkRoom(sub, r, vtoNumbers));
            if (r.number() == null) {
                continue;
            }
            if (!seen.add(r.number().toString())) {
                v.add(field + ".roomNo", "Room No. " + r.number() + " appears twice");
            }
            if (!r.number().master()) {
                if (!masters.contains(r.number().room())) {
                    v.add(
                            field + ".roomNo",
                            "Extension " + r.number() + " has no master VTH "
                                    + r.number().room() + "#0");
                }
                if (extensions.merge(r.number().room(), 1, Integer::sum) == RoomNumber.MAX_EXTENSIONS + 1) {
                    v.add(
                            field + ".roomNo",
                            "Room " + r.number().room() + " has more than " + RoomNumber.MAX_EXTENSIONS
                                    + " extensions");
                }
            }
        }
    }

    private static void prefixed(Violations v, String prefix, java.util.function.Consumer<Violations> check) {
        Violations sub = new Violations();
        check.accept(sub);
        sub.list().forEach(e -> v.add(prefix + "." + e.field(), e.message()));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Set<String> vtoNumbers() {
        Set<String> numbers = new HashSet<>();
        household.vtos().forEach(e -> numbers.add(e.recNo()));
        numbers.add(deviceProperties().vtoNumber());
        return numbers;
    }

    /** Tells the services what to restart, and the security log who changed what from where. */
    private Result<Change> changed(String area, Set<Service> restart, String what) {
        Actor actor = Actor.current();
        bus.publish(new ConfigChanged(area, restart, what, actor));
        bus.publish(new SecurityEvent.ConfigurationChanged(actor.username(), actor.source(), area + ": " + what));
        return Result.applied(new Change(restart));
    }

    private static Map<String, String> networkMap(NetworkSettings n) {
        return Map.of(
                "network.ip-address",
                n.ipAddress(),
                "network.subnet-mask",
                n.subnetMask(),
                "network.gateway",
                n.gateway(),
                "network.dns",
                n.dns(),
                "network.http-port",
                String.valueOf(n.httpPort()),
                "network.https-port",
                String.valueOf(n.httpsPort()),
                "network.rtsp-port",
                String.valueOf(n.rtspPort()),
                "network.sip-port",
                String.valueOf(n.sipPort()));
    }

    private Map<String, String> sipMap(SipServerSettings s) {
        Map<String, String> m = new HashMap<>();
        m.put("sip.enabled", String.valueOf(s.enabled()));
        m.put("sip.type", s.type().name());
        m.put("sip.ip-address", nz(s.ipAddress()));
        m.put("sip.port", String.valueOf(s.port()));
        m.put("sip.username", nz(s.username()));
        m.put("sip.password", cipher.encrypt(nz(s.password())));
        m.put("sip.domain", nz(s.domain()));
        m.put("sip.login-username", nz(s.loginUsername()));
        m.put("sip.login-password", cipher.encrypt(nz(s.loginPassword())));
        m.put("sip.alt-ip-address", nz(s.altIpAddress()));
        m.put("sip.alt-username", nz(s.altUsername()));
        m.put("sip.alt-password", cipher.encrypt(nz(s.altPassword())));
        m.put("sip.alt-vts-ip-address", nz(s.altVtsIpAddress()));
        m.put("sip.alt-enabled", String.valueOf(s.altEnabled()));
        m.put("sip.support-building", String.valueOf(s.supportBuilding()));
        m.put("sip.support-unit", String.valueOf(s.supportUnit()));
        m.put("sip.centre-password", cipher.encrypt(nz(s.centrePassword())));
        return m;
    }

    private String secret(String key) {
        return settings.get(key).map(cipher::decrypt).orElse("");
    }

    private boolean bool(String key) {
        return settings.get(key).map(Boolean::parseBoolean).orElse(false);
    }

    private int intSetting(String key, int fallback) {
        return settings.get(key).map(Integer::parseInt).orElse(fallback);
    }

    private static String keep(String incoming, String old) {
        return incoming == null || incoming.isEmpty() ? old : incoming;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
