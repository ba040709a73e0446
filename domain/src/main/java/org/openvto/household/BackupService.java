package org.openvto.household;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.openvto.device.SettingKey;
import org.openvto.facade.FacadeRules;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;
import org.openvto.video.VideoRules;
import org.openvto.video.VideoSettings;

/**
 * Local Setting › System, backup and restore: the whole installer configuration as one
 * {@link InstallationSnapshot}, and its import, checked completely against every rule before anything is
 * replaced. Thread-safe; an import is serialised with every other installer change.
 */
public final class BackupService {
    private final InstallationContext ctx;

    BackupService(InstallationContext ctx) {
        this.ctx = ctx;
    }

    public InstallationSnapshot snapshot() {
        List<RoomDevice> rooms = ctx.household.rooms("", 0, Integer.MAX_VALUE);
        return new InstallationSnapshot(
                ctx.device(),
                ctx.network(),
                ctx.sipServer(),
                ctx.household.vtos(),
                rooms,
                ctx.facade().working(ctx.household.roomBases()),
                ctx.video().withRelayPassword(""));
    }

    /**
     * Validates the whole snapshot, then replaces everything in one transaction and restarts every service;
     * rejected: nothing changes, and the field names say where in the file ({@code rooms[3].roomNo}).
     */
    public Result<Change> restore(InstallationSnapshot s) {
        if (s.device() == null
                || s.network() == null
                || s.sipServer() == null
                || s.vtos() == null
                || s.rooms() == null) {
            return Result.rejected("file", "The file must contain device, network, sipServer, vtos and rooms");
        }
        return ctx.locked(() -> {
            Violations v = check(s);
            if (!v.isEmpty()) {
                return Result.rejected(v.list());
            }
            Map<SettingKey, String> all = new HashMap<>();
            all.putAll(DeviceKeys.write(s.device()));
            all.putAll(NetworkKeys.write(s.network()));
            all.putAll(SipServerKeys.write(s.sipServer()));
            if (s.facade() != null) {
                all.putAll(FacadeKeys.write(s.facade()));
            }
            if (s.video() != null) {
                all.putAll(VideoKeys.write(importedVideo(s.video())));
            }
            ctx.household.replaceAll(all, s.vtos(), s.rooms());
            return ctx.changed(
                    "import",
                    EnumSet.allOf(Service.class),
                    "configuration imported (" + s.vtos().size() + " VTOs, "
                            + s.rooms().size() + " rooms)");
        });
    }

    /** The file's video settings; its blank relay password keeps the stored one (a file never holds it). */
    private VideoSettings importedVideo(VideoSettings fromFile) {
        return fromFile.withRelayPassword(
                Strings.keep(fromFile.relayPassword(), ctx.video().relayPassword()));
    }

    private Violations check(InstallationSnapshot s) {
        Violations v = new Violations();
        Set<String> bases = bases(s.rooms());
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
        if (s.facade() != null) {
            prefixed(v, "facade", sub -> FacadeRules.check(sub, s.facade(), bases));
        }
        if (s.video() != null) {
            prefixed(v, "video", sub -> VideoRules.check(sub, importedVideo(s.video()), ctx.commandsAllowed));
        }
        return v;
    }

    /**
     * The room numbers of the file ({@code 101} of {@code 101#0}): what VTO numbers must differ from and what a
     * call key of the imported layout may call — the file's rooms, not the ones stored now.
     */
    private static Set<String> bases(List<RoomDevice> rooms) {
        Set<String> bases = new HashSet<>();
        rooms.forEach(r -> {
            if (r.number() != null) {
                bases.add(r.number().room());
            }
        });
        return bases;
    }

    private static void checkRoomStructure(Violations v, List<RoomDevice> rooms, Set<String> vtoNumbers) {
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

    private static void prefixed(Violations v, String prefix, Consumer<Violations> check) {
        Violations sub = new Violations();
        check.accept(sub);
        sub.list().forEach(e -> v.add(prefix + "." + e.field(), e.message()));
    }
}
