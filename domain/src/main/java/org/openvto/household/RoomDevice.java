package org.openvto.household;

/** A row of Household Setting › Room No. Management (seed 4.2.6, Table 4-3): one VTH. */
public record RoomDevice(RoomNumber number, String firstName, String lastName, String nickName,
        RegisterType registerType, String registerPassword) {
}
