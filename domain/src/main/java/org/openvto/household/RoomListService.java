package org.openvto.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;

/**
 * Household Setting › Room No. Management (Quick Start Guide 4.2.6, Table 4-3): the indoor monitors of each room,
 * master {@code 101#0} first and up to ten extensions, one at a time or "Add in batch". Thread-safe; changes
 * are serialised with every other installer change.
 */
public final class RoomListService {
    /** Rooms one batch may create (99 floors × 99 rooms). */
    public static final int MAX_BATCH = 99 * 99;

    private final InstallationContext ctx;

    RoomListService(InstallationContext ctx) {
        this.ctx = ctx;
    }

    /** Outcome of a batch: rooms created, and rooms that already existed and were left as they were. */
    public record BatchOutcome(int created, int alreadyExisted) {}

    /** Rooms whose number or names contain {@code search} (blank: all), in number order, one page. */
    public List<RoomDevice> page(String search, int offset, int limit) {
        return ctx.household.rooms(Strings.nz(search).strip(), offset, limit);
    }

    public long count(String search) {
        return ctx.household.countRooms(Strings.nz(search).strip());
    }

    public Optional<RoomDevice> find(RoomNumber number) {
        return ctx.household.room(number);
    }

    public Result<Change> add(RoomDevice r) {
        return ctx.locked(() -> {
            Violations v = new Violations();
            InstallationRules.checkRoom(v, r, ctx.vtoNumbers());
            if (!v.has("roomNo")) {
                checkPlace(v, r.number());
            }
            if (!v.isEmpty()) {
                return Result.rejected(v.list());
            }
            ctx.household.saveRoom(r);
            return ctx.changed("household", Set.of(), "room " + r.number() + " added");
        });
    }

    /** A new number is free, and an extension comes after its master and within the ten a master may have. */
    private void checkPlace(Violations v, RoomNumber n) {
        List<Integer> existing = ctx.household.indices(n.room());
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

    /** Modifies names, register type and password; a blank password keeps the stored one. */
    public Result<Change> update(RoomNumber number, RoomDevice r) {
        return ctx.locked(() -> {
            Optional<RoomDevice> old = ctx.household.room(number);
            if (old.isEmpty()) {
                return Result.rejected("roomNo", "No room " + number);
            }
            RoomDevice merged = new RoomDevice(
                    number,
                    r.firstName(),
                    r.lastName(),
                    r.nickName(),
                    r.registerType(),
                    Strings.keep(r.registerPassword(), old.get().registerPassword()));
            Violations v = new Violations();
            InstallationRules.checkRoom(v, merged, Set.of());
            if (!v.isEmpty()) {
                return Result.rejected(v.list());
            }
            ctx.household.saveRoom(merged);
            return ctx.changed(
                    "household", Set.of(), "room " + number + " modified: " + RecordDiff.of(old.get(), merged));
        });
    }

    public Result<Change> delete(RoomNumber number) {
        return ctx.locked(() -> {
            if (ctx.household.room(number).isEmpty()) {
                return Result.rejected("roomNo", "No room " + number);
            }
            if (number.master() && ctx.household.indices(number.room()).stream().anyMatch(i -> i > 0)) {
                return Result.rejected(
                        "roomNo", "Delete the extensions of " + number.room() + " before its master VTH");
            }
            ctx.household.deleteRoom(number);
            return ctx.changed("household", Set.of(), "room " + number + " deleted");
        });
    }

    /** "Clear": deletes every room; returns how many. */
    public int clear() {
        return ctx.locked(() -> {
            int n = ctx.household.clearRooms();
            ctx.changed("household", Set.of(), "rooms cleared (" + n + ")");
            return n;
        });
    }

    /**
     * Checks a batch without writing and lists the rooms it would create; field names {@code layers},
     * {@code roomsPerLayer}, {@code firstFloorNo}, {@code secondFloorNo}.
     */
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
        Set<String> vtoNumbers = ctx.vtoNumbers();
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
     * Floor rules of "Add in batch" (Quick Start Guide 4.2.6): the second floor lies above the first, and far
     * enough that the first floor's rooms do not run into it. A value that is not a number (negative here) is
     * reported by the caller and skipped, so that every other rule is still reported at once.
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
    public Result<BatchOutcome> addBatch(BatchSpec spec, IntConsumer progress) {
        return ctx.locked(() -> switch (planBatch(spec)) {
            case Result.Rejected<List<String>> r -> Result.rejected(r.errors());
            case Result.Applied<List<String>> plan -> {
                List<RoomDevice> rooms = new ArrayList<>(plan.value().size());
                for (String room : plan.value()) {
                    rooms.add(new RoomDevice(
                            new RoomNumber(room, 0), "", "", "", RegisterType.PUBLIC, RegisterPasswords.newPassword()));
                }
                int created = ctx.household.insertRooms(rooms, progress);
                ctx.changed(
                        "household",
                        Set.of(),
                        "rooms added in batch (" + created + " new: " + spec.layers() + " layers × "
                                + spec.roomsPerLayer() + " from " + spec.firstFloorNo() + "/" + spec.secondFloorNo()
                                + ")");
                yield Result.applied(new BatchOutcome(created, rooms.size() - created));
            }
        });
    }
}
