package org.openvto.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvto.device.DeviceProperties;
import org.openvto.device.SystemType;
import org.openvto.network.NetworkSettings;
import org.openvto.network.ServerType;
import org.openvto.network.SipServerSettings;
import org.openvto.validation.FieldError;
import org.openvto.validation.Violations;

/** The installer's rules of Quick Start Guide 4.2.2–4.2.6 on their own: each names the field and the rule. */
class InstallationRulesTest {
    private static final NetworkSettings LAN =
            new NetworkSettings("192.168.1.108", "255.255.255.0", "192.168.1.1", "8.8.8.8", 80, 443, 554, 5060);
    private static final SipServerSettings VTO_SERVER =
            SipServerSettings.builder().enabled(true).username("8001").build();

    private static List<FieldError> errors(java.util.function.Consumer<Violations> check) {
        Violations v = new Violations();
        check.accept(v);
        return v.list();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aValidDeviceNetworkSipServerVtoAndRoomPass() {
        assertThat(errors(v -> InstallationRules.checkDevice(
                        v, new DeviceProperties("Door 1", "8001", SystemType.TCP_IP, "", ""), Set.of())))
                .isEmpty();
        assertThat(errors(v -> InstallationRules.checkNetwork(v, LAN))).isEmpty();
        assertThat(errors(v -> InstallationRules.checkSip(v, VTO_SERVER, null))).isEmpty();
        assertThat(errors(v -> InstallationRules.checkVto(
                        v, new VtoEntry("8002", "Pw-8002", "", "", "192.168.1.109", "", ""), true, Set.of())))
                .isEmpty();
        assertThat(errors(v -> InstallationRules.checkRoom(
                        v,
                        new RoomDevice(new RoomNumber("101", 0), "Ann", "Lee", "", RegisterType.PUBLIC, "Pw-101"),
                        Set.of("8001"))))
                .isEmpty();
    }

    @Test
    void vtoAndRoomNumbersMustDifferEitherWay() {
        var device = errors(v -> InstallationRules.checkDevice(
                v, new DeviceProperties("Door", "101", SystemType.TCP_IP, "", ""), Set.of("101")));
        assertThat(device).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("vtoNumber");
            assertThat(e.message()).contains("already a room number");
        });
        var room = errors(v -> InstallationRules.checkRoom(
                v, new RoomDevice(new RoomNumber("8001", 0), "", "", "", RegisterType.PUBLIC, "pw"), Set.of("8001")));
        assertThat(fields(room)).containsExactly("roomNo");
        var vto = errors(v -> InstallationRules.checkVto(
                v, new VtoEntry("101", "pw", "", "", "192.168.1.9", "", ""), true, Set.of("101")));
        assertThat(fields(vto)).containsExactly("recNo");
    }

    @Test
    void theGatewayMustBeInTheSubnetAndPortsMustNotCollide() {
        var gateway = errors(v -> InstallationRules.checkNetwork(
                v, new NetworkSettings("10.0.0.5", "255.255.255.0", "192.168.1.1", "8.8.8.8", 80, 443, 554, 5060)));
        assertThat(fields(gateway)).containsExactly("gateway");
        assertThat(gateway.get(0).message()).contains("same subnet");
        var ports = errors(v -> InstallationRules.checkNetwork(
                v, new NetworkSettings("192.168.1.108", "255.255.255.0", "192.168.1.1", "8.8.8.8", 80, 443, 443, 80)));
        assertThat(ports)
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("rtspPort", "Port 443 is already used by HTTPS"),
                        org.assertj.core.groups.Tuple.tuple("sipPort", "Port 80 is already used by HTTP"));
        var broadcast = errors(v -> InstallationRules.checkNetwork(
                v,
                new NetworkSettings("192.168.1.255", "255.255.255.0", "192.168.1.1", "8.8.8.8", 80, 443, 554, 5060)));
        assertThat(fields(broadcast)).containsExactly("ipAddress");
    }

    @Test
    void aVtoSipServerUsesDomainVdpAndCannotBeThePlatformType() {
        var domain = errors(v -> InstallationRules.checkSip(
                v, VTO_SERVER.toBuilder().domain("example").build(), null));
        assertThat(fields(domain)).containsExactly("domain");
        var platformEnabled = errors(v -> InstallationRules.checkSip(
                v,
                SipServerSettings.builder()
                        .enabled(true)
                        .type(ServerType.PLATFORM)
                        .ipAddress("10.1.1.10")
                        .port(5080)
                        .username("8001")
                        .domain("")
                        .build(),
                null));
        assertThat(fields(platformEnabled)).containsExactly("enabled");
    }

    @Test
    void withTheAlternateServerEnabledOnlyTheAlternateVtsAddressMayChange() {
        SipServerSettings alternate = SipServerSettings.builder()
                .type(ServerType.PLATFORM)
                .ipAddress("10.1.1.10")
                .port(5080)
                .username("8001")
                .password("pw")
                .domain("")
                .altIpAddress("10.1.1.20")
                .altUsername("alt")
                .altPassword("alt-pw")
                .altVtsIpAddress("10.1.1.30")
                .altEnabled(true)
                .build();
        SipServerSettings vtsMoved =
                alternate.toBuilder().altVtsIpAddress("10.1.1.31").build();
        assertThat(errors(v -> InstallationRules.checkSip(v, vtsMoved, alternate)))
                .isEmpty();
        SipServerSettings portMoved = alternate.toBuilder().port(5081).build();
        var locked = errors(v -> InstallationRules.checkSip(v, portMoved, alternate));
        assertThat(fields(locked)).containsExactly("port");
        assertThat(locked.get(0).message()).contains("cannot be changed while the Alternate Server is enabled");
    }

    @Test
    void buildingAndUnitNumbersOfAVtoAreForAnotherSipServerOnly() {
        var here = errors(v -> InstallationRules.checkVto(
                v, new VtoEntry("8002", "pw", "1", "2", "192.168.1.9", "", ""), true, Set.of()));
        assertThat(fields(here)).containsExactly("buildingNo", "unitNo");
        var elsewhere = errors(v -> InstallationRules.checkVto(
                v, new VtoEntry("8002", "pw", "1", "2", "192.168.1.9", "", ""), false, Set.of()));
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void textFieldsRefuseControlCharactersAndOverlongValuesNamingTheLimit() {
        var control = errors(v -> InstallationRules.checkDevice(
                v, new DeviceProperties("Door\u0007", "8001", SystemType.TCP_IP, "", ""), Set.of()));
        assertThat(control)
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("control characters"));
        var tooLong = errors(v -> InstallationRules.checkRoom(
                v,
                new RoomDevice(
                        new RoomNumber("101", 0),
                        "x".repeat(InstallationRules.NAME_MAX + 1),
                        "",
                        "",
                        RegisterType.PUBLIC,
                        "pw"),
                Set.of()));
        assertThat(tooLong)
                .singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("First Name must be at most 32 characters"));
        var noPassword = errors(v -> InstallationRules.checkRoom(
                v, new RoomDevice(new RoomNumber("101", 0), "", "", "", RegisterType.PUBLIC, ""), Set.of()));
        assertThat(fields(noPassword)).containsExactly("registerPassword");
    }
}
