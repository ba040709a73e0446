package org.openvto.household;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.openvto.device.SettingKey;
import org.openvto.device.SettingsStore;

/**
 * In-memory settings and household stores for domain tests. Secret settings are kept as {@code sealed:<value>},
 * so a test sees which values a real store would seal.
 */
final class MemoryHousehold implements HouseholdStore, SettingsStore {
    final Map<String, String> settings = new HashMap<>();
    private final Map<String, VtoEntry> vtos = new TreeMap<>();
    private final Map<String, RoomDevice> rooms = new TreeMap<>();

    @Override
    public Optional<String> get(SettingKey key) {
        return Optional.ofNullable(settings.get(key.name()))
                .map(v -> key.secret() ? v.substring("sealed:".length()) : v);
    }

    @Override
    public void putAll(Map<SettingKey, String> values) {
        values.forEach((k, v) -> settings.put(k.name(), k.secret() ? "sealed:" + v : v));
    }

    @Override
    public String putIfAbsent(SettingKey key, String value) {
        if (!settings.containsKey(key.name())) {
            putAll(Map.of(key, value));
        }
        return get(key).orElseThrow();
    }

    @Override
    public List<VtoEntry> vtos() {
        return new ArrayList<>(vtos.values());
    }

    @Override
    public Optional<VtoEntry> vto(String recNo) {
        return Optional.ofNullable(vtos.get(recNo));
    }

    @Override
    public void saveVto(VtoEntry vto) {
        vtos.put(vto.recNo(), vto);
    }

    @Override
    public boolean deleteVto(String recNo) {
        return vtos.remove(recNo) != null;
    }

    @Override
    public List<RoomDevice> rooms(String search, int offset, int limit) {
        return rooms.values().stream()
                .filter(r -> r.number().toString().contains(search))
                .sorted(Comparator.comparing(r -> r.number().toString()))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public long countRooms(String search) {
        return rooms(search, 0, Integer.MAX_VALUE).size();
    }

    @Override
    public Optional<RoomDevice> room(RoomNumber number) {
        return Optional.ofNullable(rooms.get(number.toString()));
    }

    @Override
    public Set<String> roomBases() {
        return rooms.values().stream().map(r -> r.number().room()).collect(Collectors.toSet());
    }

    @Override
    public List<Integer> indices(String room) {
        return rooms.values().stream()
                .filter(r -> r.number().room().equals(room))
                .map(r -> r.number().index())
                .toList();
    }

    @Override
    public void saveRoom(RoomDevice room) {
        rooms.put(room.number().toString(), room);
    }

    @Override
    public boolean deleteRoom(RoomNumber number) {
        return rooms.remove(number.toString()) != null;
    }

    @Override
    public int clearRooms() {
        int n = rooms.size();
        rooms.clear();
        return n;
    }

    @Override
    public int insertRooms(List<RoomDevice> list, IntConsumer progress) {
        int created = 0;
        for (RoomDevice r : list) {
            if (rooms.putIfAbsent(r.number().toString(), r) == null) {
                created++;
            }
            progress.accept(created);
        }
        return created;
    }

    @Override
    public void replaceAll(Map<SettingKey, String> all, List<VtoEntry> v, List<RoomDevice> r) {
        putAll(all);
        vtos.clear();
        v.forEach(this::saveVto);
        rooms.clear();
        r.forEach(this::saveRoom);
    }
}
