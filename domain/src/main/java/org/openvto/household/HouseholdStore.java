package org.openvto.household;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.openvto.device.SettingKey;

/**
 * Persistence of the VTO and room lists. Passwords (and the secret settings of {@link #replaceAll}) are sealed at rest by the implementation.
 * Every method is one transaction; thread-safe.
 */
public interface HouseholdStore {
    List<VtoEntry> vtos();

    Optional<VtoEntry> vto(String recNo);

    /** Inserts or replaces by {@code recNo}. */
    void saveVto(VtoEntry vto);

    boolean deleteVto(String recNo);

    /** Rooms whose number or names contain {@code search} (empty: all), ordered by number, paged. */
    List<RoomDevice> rooms(String search, int offset, int limit);

    long countRooms(String search);

    Optional<RoomDevice> room(RoomNumber number);

    /** Distinct room parts ({@code 101} for {@code 101#0}) of every stored device. */
    Set<String> roomBases();

    /** Indices stored for {@code room} (0 = master). */
    List<Integer> indices(String room);

    /** Inserts or replaces by number. */
    void saveRoom(RoomDevice room);

    boolean deleteRoom(RoomNumber number);

    /** Deletes every room; returns how many. */
    int clearRooms();

    /**
     * Inserts {@code rooms} that do not exist yet, all in one transaction, calling {@code progress} with
     * the number processed so far; returns how many were inserted.
     */
    int insertRooms(List<RoomDevice> rooms, IntConsumer progress);

    /** Replaces settings (the given keys), VTOs and rooms in one transaction (configuration import). */
    void replaceAll(Map<SettingKey, String> settings, List<VtoEntry> vtos, List<RoomDevice> rooms);
}
