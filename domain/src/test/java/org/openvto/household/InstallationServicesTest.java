package org.openvto.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvto.device.DeviceProperties;
import org.openvto.device.SystemType;
import org.openvto.event.EventBus;
import org.openvto.facade.DeviceModel;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.FacadeModule;
import org.openvto.facade.ModuleKind;
import org.openvto.facade.Mounting;
import org.openvto.network.NetworkDefaults;
import org.openvto.network.NetworkSettings;
import org.openvto.network.ServerType;
import org.openvto.network.SipServerSettings;
import org.openvto.validation.Result;

class InstallationServicesTest {
    private static final NetworkDefaults DEFAULTS = new NetworkDefaults(
            new NetworkSettings("192.168.1.108", "255.255.255.0", "192.168.1.1", "8.8.8.8", 8080, 443, 554, 5060));

    private static Installation open(MemoryHousehold store) {
        return Installation.open(store, store, new EventBus(), "VTO", DEFAULTS, 8080, DeviceModel.VTO4202F_P);
    }

    private static SipServerSettings server(String password) {
        return SipServerSettings.builder()
                .enabled(true)
                .type(ServerType.VTO)
                .ipAddress("192.168.1.108")
                .port(5060)
                .username("8001")
                .password(password)
                .domain("VDP")
                .centrePassword("Centre#Pass1")
                .build();
    }

    @Test
    void sipPasswordsAreStoredAsSecretSettingsAndEverythingElsePlain() {
        MemoryHousehold store = new MemoryHousehold();
        assertThat(open(store).sipServer().update(server("Top#Secret1"))).isInstanceOf(Result.Applied.class);
        assertThat(store.settings.get("sip.password")).isEqualTo("sealed:Top#Secret1");
        assertThat(store.settings.get("sip.centre-password")).isEqualTo("sealed:Centre#Pass1");
        assertThat(store.settings.get("sip.login-password")).isEqualTo("sealed:");
        assertThat(store.settings.get("sip.username")).isEqualTo("8001");
        assertThat(open(store).sipServer().current().password()).isEqualTo("Top#Secret1");
    }

    @Test
    void aBlankPasswordKeepsTheStoredOne() {
        MemoryHousehold store = new MemoryHousehold();
        Installation installation = open(store);
        installation.sipServer().update(server("Top#Secret1"));
        installation.sipServer().update(server(""));
        assertThat(installation.sipServer().current().password()).isEqualTo("Top#Secret1");
    }

    @Test
    void anExportRestoredIntoAFreshVtoWritesTheSameSettingsAsTheForms() {
        MemoryHousehold original = new MemoryHousehold();
        Installation installation = open(original);
        installation.device().update(new DeviceProperties("Gate", "8002", SystemType.TCP_IP, "", ""));
        installation
                .network()
                .update(new NetworkSettings(
                        "192.168.1.120", "255.255.255.0", "192.168.1.1", "8.8.4.4", 8090, 443, 554, 5070));
        installation.sipServer().update(server("Top#Secret1"));
        installation
                .rooms()
                .add(new RoomDevice(new RoomNumber("101", 0), "Ann", "", "", RegisterType.PUBLIC, "Reg1stered"));
        installation
                .facade()
                .update(new FacadeLayout(
                        DeviceModel.VTO4202F_MB1,
                        Mounting.DEFAULT,
                        List.of(
                                new FacadeModule(ModuleKind.CAMERA, List.of("101")),
                                FacadeModule.of(ModuleKind.INDICATOR))));
        var f = org.openvto.video.VideoSettings.FACTORY;
        installation
                .video()
                .update(new org.openvto.video.VideoSettings(
                        f.source(),
                        new org.openvto.video.StreamSettings(480, 270, 15, 500, 30),
                        f.sub(),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        4,
                        org.openvto.video.AudioKind.TONE,
                        ""));

        MemoryHousehold fresh = new MemoryHousehold();
        Result<Change> restored =
                open(fresh).backup().restore(installation.backup().snapshot());

        assertThat(restored).isInstanceOf(Result.Applied.class);
        Map<String, String> expected = new java.util.HashMap<>(original.settings);
        assertThat(fresh.settings).isEqualTo(expected);
        assertThat(open(fresh).backup().snapshot())
                .isEqualTo(installation.backup().snapshot());
    }

    @Test
    void hiddenBuildingAndUnitNumbersKeepTheirStoredValues() {
        MemoryHousehold store = new MemoryHousehold();
        store.settings.put("device.building-no", "3");
        Installation installation = open(store);
        installation.device().update(new DeviceProperties("VTO", "8001", SystemType.TCP_IP, "9", "9"));
        assertThat(installation.device().current().buildingNo()).isEqualTo("3");
        assertThat(installation.device().current().unitNo()).isEmpty();
    }
}
