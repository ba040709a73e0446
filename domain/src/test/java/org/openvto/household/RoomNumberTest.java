package org.openvto.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomNumberTest {
    @Test
    void plainRoomMeansTheMasterAndExtensionsKeepTheirIndex() {
        assertThat(RoomNumber.parse("101")).contains(new RoomNumber("101", 0));
        assertThat(RoomNumber.parse(" 101#0 ")).contains(new RoomNumber("101", 0));
        assertThat(RoomNumber.parse("A12b#10")).contains(new RoomNumber("A12b", 10));
        assertThat(new RoomNumber("101", 2)).hasToString("101#2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "10 1", "101#", "101#100", "101#-1", "10-1", "101#1#2", "é01"})
    void malformedNumbersAreRejected(String text) {
        assertThat(RoomNumber.parse(text)).isEmpty();
    }

    @Test
    void batchOfFiveLayersTimesFourRoomsMatchesTheGuide() {
        List<String> rooms = new BatchSpec(5, 4, 101, 201).roomNumbers();
        assertThat(rooms)
                .containsExactly(
                        "101", "102", "103", "104", "201", "202", "203", "204", "301", "302", "303", "304", "401",
                        "402", "403", "404", "501", "502", "503", "504");
    }

    @Test
    void numbersSortShortFirstThenByIndex() {
        var sorted = List.of(
                        new RoomNumber("1001", 0),
                        new RoomNumber("101", 1),
                        new RoomNumber("101", 0),
                        new RoomNumber("99", 0))
                .stream()
                .sorted()
                .map(RoomNumber::toString)
                .toList();
        assertThat(sorted).containsExactly("99#0", "101#0", "101#1", "1001#0");
    }
}
