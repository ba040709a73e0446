package org.openvto.household;

/** A row of Household Setting › Room No. Management (Quick Start Guide 4.2.6, Table 4-3): one VTH. */
public record RoomDevice(
        RoomNumber number,
        String firstName,
        String lastName,
        String nickName,
        RegisterType registerType,
        String registerPassword) {}
