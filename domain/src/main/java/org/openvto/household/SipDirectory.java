package org.openvto.household;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.openvto.network.SipServerSettings;

/**
 * The building's SIP accounts and numbering plan, as the household defines them (Quick Start Guide 4.2.4–4.2.6):
 * every indoor monitor of a room registers as {@code <room>#<index>} ({@code 101#0} the master), every VTO
 * with its VTO No., the management centre as {@value SipServerSettings#CENTRE_CALL_NO}. Rooms registered as
 * "local" have no SIP account (4.2.6: reserved for future use).
 *
 * <p>The numbering plan: calling a room ({@code 101}) reaches all its devices, master first; calling a
 * device ({@code 101#1}), a VTO or the centre reaches that account alone; anything else reaches nobody.
 *
 * <p>An immutable snapshot: build a new one when the household changes. Thread-safe; every query answers
 * from memory (the SIP thread asks it for every call and registration).
 */
public final class SipDirectory {
    private final Map<String, String> passwords;
    private final Map<String, List<String>> rooms;

    private SipDirectory(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
        Map<String, TreeSet<RoomNumber>> byRoom = new HashMap<>();
        for (String user : passwords.keySet()) {
            if (user.indexOf('#') < 0) {
                continue; // a VTO or the centre
            }
            RoomNumber.parse(user)
                    .ifPresent(n -> byRoom.computeIfAbsent(n.room(), r -> new TreeSet<>())
                            .add(n));
        }
        Map<String, List<String>> plan = new HashMap<>();
        byRoom.forEach((room, devices) ->
                plan.put(room, devices.stream().map(RoomNumber::toString).toList()));
        this.rooms = Map.copyOf(plan);
    }

    /** The accounts of {@code installation}: public rooms, VTOs and (when it has a password) the centre. */
    public static SipDirectory of(Installation installation) {
        Map<String, String> all = new HashMap<>();
        installation.rooms().page("", 0, Integer.MAX_VALUE).stream()
                .filter(r -> r.registerType() == RegisterType.PUBLIC)
                .forEach(r -> all.put(r.number().toString(), r.registerPassword()));
        installation.vtos().list().forEach(v -> all.put(v.recNo(), v.registerPassword()));
        String centre = installation.sipServer().current().centrePassword();
        if (!centre.isEmpty()) {
            all.put(SipServerSettings.CENTRE_CALL_NO, centre);
        }
        return new SipDirectory(all);
    }

    /** A directory of exactly these accounts (user → register password). */
    public static SipDirectory ofAccounts(Map<String, String> passwords) {
        return new SipDirectory(passwords);
    }

    /** The register password of {@code user}, if it is an account of this building. */
    public Optional<String> password(String user) {
        return Optional.ofNullable(passwords.get(user));
    }

    /**
     * The accounts a call to {@code number} reaches, in ring order (a room's master first); empty when
     * {@code number} is no number of this building.
     */
    public List<String> reach(String number) {
        if (passwords.containsKey(number)) {
            return List.of(number); // a device, a VTO or the centre (a room number never has a '#')
        }
        List<String> room = number.indexOf('#') < 0 ? rooms.get(number) : null;
        return room == null ? List.of() : room;
    }

    /** How many accounts there are. */
    public int size() {
        return passwords.size();
    }
}
