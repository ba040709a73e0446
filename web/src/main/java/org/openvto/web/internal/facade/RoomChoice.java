package org.openvto.web.internal.facade;

/** A room a call key can be given: its number and who lives there (from Room No. Management). */
public record RoomChoice(String room, String name) {
    public String label() {
        return name.isEmpty() ? room : room + " · " + name;
    }
}
