package org.openvto.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SipDirectoryTest {
    private final SipDirectory directory = SipDirectory.ofAccounts(
            Map.of("101#2", "a", "101#0", "b", "101#10", "c", "101#1", "d", "1010#0", "e", "8002", "f", "888888", "g"));

    @Test
    void aRoomReachesItsDevicesMasterFirstWithoutOtherRoomsThatShareThePrefix() {
        assertThat(directory.reach("101")).containsExactly("101#0", "101#1", "101#2", "101#10");
        assertThat(directory.reach("1010")).containsExactly("1010#0");
    }

    @Test
    void aDeviceAVtoAndTheCentreReachThemselvesAlone() {
        assertThat(directory.reach("101#1")).containsExactly("101#1");
        assertThat(directory.reach("8002")).containsExactly("8002");
        assertThat(directory.reach("888888")).containsExactly("888888");
    }

    @Test
    void unknownNumbersReachNobody() {
        assertThat(directory.reach("999")).isEmpty();
        assertThat(directory.reach("101#5")).isEmpty();
        assertThat(directory.reach("10")).isEmpty();
        assertThat(directory.reach("")).isEmpty();
    }

    @Test
    void passwordsAreThoseOfTheAccounts() {
        assertThat(directory.password("101#0")).contains("b");
        assertThat(directory.password("101")).isEmpty();
        assertThat(directory.size()).isEqualTo(7);
    }
}
