package org.openvto.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvto.event.EventBus;
import org.openvto.facade.CallKey;
import org.openvto.facade.DeviceModel;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.FacadeModule;
import org.openvto.facade.ModuleKind;
import org.openvto.facade.Mounting;
import org.openvto.network.NetworkDefaults;
import org.openvto.network.NetworkSettings;
import org.openvto.validation.Result;

class FacadeServiceTest {
    private final MemoryHousehold store = new MemoryHousehold();
    private final EventBus bus = new EventBus();
    private final List<ConfigChanged> changes = new ArrayList<>();
    private final Installation installation = Installation.open(
            store,
            store,
            bus,
            "VTO",
            new NetworkDefaults(new NetworkSettings(
                    "192.168.1.108", "255.255.255.0", "192.168.1.1", "8.8.8.8", 8080, 443, 554, 5060)),
            8080,
            DeviceModel.VTO4202F_P);

    FacadeServiceTest() {
        bus.subscribe(ConfigChanged.class, changes::add);
        installation
                .rooms()
                .add(new RoomDevice(new RoomNumber("101", 0), "Ann", "", "", RegisterType.PUBLIC, "Reg1stered"));
        installation
                .rooms()
                .add(new RoomDevice(new RoomNumber("102", 0), "Bob", "", "", RegisterType.PUBLIC, "Reg1stered"));
        changes.clear();
    }

    private static FacadeLayout fiveButtons(DeviceModel model) {
        return new FacadeLayout(
                model,
                new Mounting(2, Mounting.Orientation.HORIZONTAL),
                List.of(
                        new FacadeModule(ModuleKind.CAMERA, List.of("888888")),
                        new FacadeModule(ModuleKind.BUTTON_5, List.of("101", "102", "", "", "")),
                        FacadeModule.of(ModuleKind.KEYBOARD)));
    }

    @Test
    void aNewVtoHasItsConfiguredModelAndTheCameraModuleAlone() {
        FacadeLayout l = installation.facade().current();
        assertThat(l.model()).isEqualTo(DeviceModel.VTO4202F_P);
        assertThat(l.modules()).containsExactly(FacadeModule.of(ModuleKind.CAMERA));
    }

    @Test
    void aSavedLayoutIsLiveAtOnceAndAnnounced() {
        assertThat(installation.facade().update(fiveButtons(DeviceModel.VTO4202F_MB5)))
                .isInstanceOf(Result.Applied.class);
        assertThat(installation.facade().current()).isEqualTo(fiveButtons(DeviceModel.VTO4202F_MB5));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.topic()).isEqualTo("config/facade/changed");
            assertThat(c.restart()).isEmpty();
        });
        assertThat(store.settings).containsEntry("device.model", "VTO4202F-MB5");
    }

    @Test
    void aModelThatTakesFewerModulesIsRefusedAndNothingChanges() {
        installation.facade().update(fiveButtons(DeviceModel.VTO4202F_MB5));
        Map<String, String> before = Map.copyOf(store.settings);
        changes.clear();
        Result<Change> r = installation.facade().edit(l -> l.withModel(DeviceModel.VTO4202F_P));
        assertThat(r)
                .isInstanceOfSatisfying(
                        Result.Rejected.class,
                        rej -> assertThat(rej.errors().toString())
                                .contains("VTO4202F-P takes only one module besides the camera module (2 placed)"));
        assertThat(store.settings).isEqualTo(before);
        assertThat(changes).isEmpty();
    }

    @Test
    void deletingARoomLeavesItsKeyUnassignedNotCallingIt() {
        installation.facade().update(fiveButtons(DeviceModel.VTO4202F_MB5));
        installation.rooms().delete(new RoomNumber("102", 0));
        List<CallKey> keys = installation.facade().callKeys();
        assertThat(keys.get(2).state()).isEqualTo(CallKey.State.ROOM_DELETED);
        assertThat(keys.get(2).room()).isEmpty();
        assertThat(keys.get(1).room()).contains("101");
    }

    @Test
    void aDeletedRoomNeverBlocksAnotherEditNorComesBackWithANewRoomOfItsNumber() {
        installation.facade().update(fiveButtons(DeviceModel.VTO4202F_MB5));
        installation.rooms().delete(new RoomNumber("102", 0));
        Result<Change> added =
                installation.facade().edit(l -> l.withAdded(List.of(org.openvto.facade.ModuleKind.DISPLAY)));
        assertThat(added).isInstanceOf(Result.Applied.class);
        assertThat(installation.facade().current().modules().get(1).keys()).containsExactly("101", "", "", "", "");
        installation
                .rooms()
                .add(new RoomDevice(new RoomNumber("102", 0), "New", "", "", RegisterType.PUBLIC, "Reg1stered"));
        assertThat(installation.facade().callKeys().get(2).state()).isEqualTo(CallKey.State.UNASSIGNED);
    }

    @Test
    void theLayoutTravelsWithTheBackup() {
        installation.facade().update(fiveButtons(DeviceModel.VTO4202F_MB5));
        MemoryHousehold other = new MemoryHousehold();
        Installation fresh = Installation.open(
                other,
                other,
                new EventBus(),
                "VTO",
                new NetworkDefaults(new NetworkSettings(
                        "192.168.1.108", "255.255.255.0", "192.168.1.1", "8.8.8.8", 8080, 443, 554, 5060)),
                8080,
                DeviceModel.VTO4202F_P);
        assertThat(fresh.backup().restore(installation.backup().snapshot())).isInstanceOf(Result.Applied.class);
        assertThat(fresh.facade().current()).isEqualTo(fiveButtons(DeviceModel.VTO4202F_MB5));
    }
}
