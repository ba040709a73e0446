package org.openvto.household;

import java.util.ArrayList;
import java.util.List;

/**
 * "Add in batch" (Quick Start Guide 4.2.6): {@code layers} floors of {@code roomsPerLayer} rooms; the first floor's
 * rooms start at {@code firstFloorNo}, the second's at {@code secondFloorNo}, and each further floor
 * adds the same step. 5 × 4 from 101/201 gives 101–104, 201–204, …, 501–504.
 */
public record BatchSpec(int layers, int roomsPerLayer, long firstFloorNo, long secondFloorNo) {
    /** The master room numbers this batch creates, in order. Call only on a validated spec. */
    public List<String> roomNumbers() {
        List<String> rooms = new ArrayList<>(layers * roomsPerLayer);
        long step = secondFloorNo - firstFloorNo;
        for (int floor = 0; floor < layers; floor++) {
            long start = firstFloorNo + floor * step;
            for (int r = 0; r < roomsPerLayer; r++) {
                rooms.add(Long.toString(start + r));
            }
        }
        return rooms;
    }
}
