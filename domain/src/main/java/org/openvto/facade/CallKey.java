package org.openvto.facade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A call key as it works now: the room it calls, or why it calls none. A key keeps the number it was given, but
 * once that room is deleted from Room No. Management it shows and works as unassigned — it never calls a number
 * the building no longer has.
 *
 * @param module 0-based position of its module in the cascade; {@code key} 0-based on that module
 * @param stored the room the installer assigned, empty if none
 */
public record CallKey(int module, int key, String stored, State state) {
    public enum State {
        ASSIGNED,
        UNASSIGNED,
        /** The assigned room was deleted from Room No. Management. */
        ROOM_DELETED
    }

    /** The room a press calls, if the key calls one. */
    public Optional<String> room() {
        return state == State.ASSIGNED ? Optional.of(stored) : Optional.empty();
    }

    /** What the key's label shows: the room, or why there is none. */
    public String label() {
        return switch (state) {
            case ASSIGNED -> stored.equals(FacadeRules.CENTRE_CALL_NO) ? "Centre" : stored;
            case UNASSIGNED -> "unassigned";
            case ROOM_DELETED -> "unassigned (room " + stored + " deleted)";
        };
    }

    /** Every call key of {@code layout}, in cascade order, resolved against the rooms that exist now. */
    public static List<CallKey> of(FacadeLayout layout, Set<String> rooms) {
        List<CallKey> keys = new ArrayList<>();
        for (int m = 0; m < layout.modules().size(); m++) {
            List<String> assigned = layout.modules().get(m).keys();
            for (int k = 0; k < assigned.size(); k++) {
                keys.add(resolve(m, k, assigned.get(k), rooms));
            }
        }
        return keys;
    }

    /** The key {@code key} of module {@code module}, if the layout has it. */
    public static Optional<CallKey> find(FacadeLayout layout, Set<String> rooms, int module, int key) {
        if (module < 0 || module >= layout.modules().size()) {
            return Optional.empty();
        }
        List<String> assigned = layout.modules().get(module).keys();
        return key < 0 || key >= assigned.size()
                ? Optional.empty()
                : Optional.of(resolve(module, key, assigned.get(key), rooms));
    }

    private static CallKey resolve(int module, int key, String room, Set<String> rooms) {
        State state;
        if (room.isEmpty()) {
            state = State.UNASSIGNED;
        } else if (room.equals(FacadeRules.CENTRE_CALL_NO) || rooms.contains(room)) {
            state = State.ASSIGNED;
        } else {
            state = State.ROOM_DELETED;
        }
        return new CallKey(module, key, room, state);
    }
}
