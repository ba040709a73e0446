package org.openvto.storage.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.openvto.device.SettingKey;
import org.openvto.household.HouseholdStore;
import org.openvto.household.RegisterType;
import org.openvto.household.RoomDevice;
import org.openvto.household.RoomNumber;
import org.openvto.household.VtoEntry;

/**
 * {@link HouseholdStore} on the {@code vto} and {@code room} tables; passwords sealed with the device key by
 * {@link SettingRows}, which also writes the settings of an import.
 */
public final class JdbcHouseholdStore implements HouseholdStore {
    private static final int BATCH = 100;
    private static final String ROOM_ORDER = " ORDER BY LENGTH(room_no), room_no, device_index";
    private static final String ROOM_FILTER =
            " WHERE (:q = '' OR LOWER(room_no) LIKE :like OR LOWER(first_name) LIKE :like"
                    + " OR LOWER(last_name) LIKE :like OR LOWER(nick_name) LIKE :like)";
    private static final String UPSERT_VTO = """
            INSERT INTO vto (rec_no, register_password, building_no, unit_no, ip_address, username, password)
            VALUES (:recNo, :reg, :building, :unit, :ip, :user, :pw)
            ON CONFLICT (rec_no) DO UPDATE SET register_password = excluded.register_password,
              building_no = excluded.building_no, unit_no = excluded.unit_no, ip_address = excluded.ip_address,
              username = excluded.username, password = excluded.password""";
    private static final String INSERT_ROOM = """
            INSERT INTO room (room_no, device_index, first_name, last_name, nick_name, register_type, register_password)
            VALUES (:room, :idx, :first, :last, :nick, :type, :reg)""";

    private final Jdbi jdbi;
    private final SettingRows sealing;
    private final RowMapper<VtoEntry> vtoMapper;
    private final RowMapper<RoomDevice> roomMapper;

    public JdbcHouseholdStore(Jdbi jdbi, SettingRows sealing) {
        this.jdbi = jdbi;
        this.sealing = sealing;
        this.vtoMapper = (rs, ctx) -> new VtoEntry(
                rs.getString("rec_no"),
                sealing.open(rs.getString("register_password")),
                rs.getString("building_no"),
                rs.getString("unit_no"),
                rs.getString("ip_address"),
                rs.getString("username"),
                sealing.open(rs.getString("password")));
        this.roomMapper = (rs, ctx) -> new RoomDevice(
                new RoomNumber(rs.getString("room_no"), rs.getInt("device_index")),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("nick_name"),
                RegisterType.valueOf(rs.getString("register_type").toUpperCase(Locale.ROOT)),
                sealing.open(rs.getString("register_password")));
    }

    @Override
    public List<VtoEntry> vtos() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM vto ORDER BY LENGTH(rec_no), rec_no")
                .map(vtoMapper)
                .list());
    }

    @Override
    public Optional<VtoEntry> vto(String recNo) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM vto WHERE rec_no = :r")
                .bind("r", recNo)
                .map(vtoMapper)
                .findOne());
    }

    @Override
    public void saveVto(VtoEntry v) {
        jdbi.useHandle(h -> bindVto(h.createUpdate(UPSERT_VTO), v).execute());
    }

    @Override
    public boolean deleteVto(String recNo) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM vto WHERE rec_no = :r")
                        .bind("r", recNo)
                        .execute())
                > 0;
    }

    @Override
    public List<RoomDevice> rooms(String search, int offset, int limit) {
        return jdbi.withHandle(h -> filter(
                        h.createQuery("SELECT * FROM room" + ROOM_FILTER + ROOM_ORDER + " LIMIT :limit OFFSET :offset"),
                        search)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(roomMapper)
                .list());
    }

    @Override
    public long countRooms(String search) {
        return jdbi.withHandle(h -> filter(h.createQuery("SELECT COUNT(*) FROM room" + ROOM_FILTER), search)
                .mapTo(Long.class)
                .one());
    }

    @Override
    public Optional<RoomDevice> room(RoomNumber n) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM room WHERE room_no = :r AND device_index = :i")
                .bind("r", n.room())
                .bind("i", n.index())
                .map(roomMapper)
                .findOne());
    }

    @Override
    public Set<String> roomBases() {
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery("SELECT DISTINCT room_no FROM room")
                .mapTo(String.class)
                .list()));
    }

    @Override
    public List<Integer> indices(String room) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT device_index FROM room WHERE room_no = :r ORDER BY device_index")
                        .bind("r", room)
                        .mapTo(Integer.class)
                        .list());
    }

    @Override
    public void saveRoom(RoomDevice r) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM room WHERE room_no = :r AND device_index = :i")
                    .bind("r", r.number().room())
                    .bind("i", r.number().index())
                    .execute();
            bindRoom(h.createUpdate(INSERT_ROOM), r).execute();
        });
    }

    @Override
    public boolean deleteRoom(RoomNumber n) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM room WHERE room_no = :r AND device_index = :i")
                        .bind("r", n.room())
                        .bind("i", n.index())
                        .execute())
                > 0;
    }

    @Override
    public int clearRooms() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM room").execute());
    }

    @Override
    public int insertRooms(List<RoomDevice> rooms, IntConsumer progress) {
        return jdbi.inTransaction(
                h -> insertAll(h, rooms, INSERT_ROOM + " ON CONFLICT (room_no, device_index) DO NOTHING", progress));
    }

    @Override
    public void replaceAll(Map<SettingKey, String> settings, List<VtoEntry> vtos, List<RoomDevice> rooms) {
        jdbi.useTransaction(h -> {
            sealing.putAll(h, settings);
            h.createUpdate("DELETE FROM vto").execute();
            h.createUpdate("DELETE FROM room").execute();
            for (VtoEntry v : vtos) {
                bindVto(h.createUpdate(UPSERT_VTO), v).execute();
            }
            insertAll(h, rooms, INSERT_ROOM, n -> {});
        });
    }

    private int insertAll(Handle h, List<RoomDevice> rooms, String sql, IntConsumer progress) {
        int inserted = 0;
        for (int from = 0; from < rooms.size(); from += BATCH) {
            var batch = h.prepareBatch(sql);
            for (RoomDevice r : rooms.subList(from, Math.min(rooms.size(), from + BATCH))) {
                bindRoom(batch, r).add();
            }
            for (int count : batch.execute()) {
                inserted += Math.max(0, count);
            }
            progress.accept(Math.min(rooms.size(), from + BATCH));
        }
        return inserted;
    }

    private <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindVto(T s, VtoEntry v) {
        return s.bind("recNo", v.recNo())
                .bind("reg", sealing.seal(v.registerPassword()))
                .bind("building", v.buildingNo())
                .bind("unit", v.unitNo())
                .bind("ip", v.ipAddress())
                .bind("user", v.username())
                .bind("pw", sealing.seal(v.password()));
    }

    private <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindRoom(T s, RoomDevice r) {
        return s.bind("room", r.number().room())
                .bind("idx", r.number().index())
                .bind("first", nz(r.firstName()))
                .bind("last", nz(r.lastName()))
                .bind("nick", nz(r.nickName()))
                .bind("type", r.registerType().label())
                .bind("reg", sealing.seal(r.registerPassword()));
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T filter(T s, String search) {
        String q = search == null ? "" : search.toLowerCase(Locale.ROOT);
        String escaped = q.replace("\\", "").replace("%", "").replace("_", "");
        return s.bind("q", q).bind("like", "%" + escaped + "%");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
