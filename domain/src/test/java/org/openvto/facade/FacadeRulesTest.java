package org.openvto.facade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvto.validation.FieldError;
import org.openvto.validation.Violations;

class FacadeRulesTest {
    private static final Set<String> ROOMS = Set.of("101", "102", "103");

    private static List<FieldError> check(FacadeLayout layout) {
        Violations v = new Violations();
        FacadeRules.check(v, layout, ROOMS);
        return v.list();
    }

    private static FacadeLayout layout(DeviceModel model, ModuleKind... added) {
        List<FacadeModule> modules = new ArrayList<>();
        modules.add(FacadeModule.of(ModuleKind.CAMERA));
        for (ModuleKind k : added) {
            modules.add(FacadeModule.of(k));
        }
        return new FacadeLayout(model, Mounting.DEFAULT, modules);
    }

    @Test
    void theButtonModelsTakeNineAddedModulesAndRefuseATenth() {
        ModuleKind[] nine = Collections.nCopies(9, ModuleKind.BLANK).toArray(ModuleKind[]::new);
        assertThat(check(layout(DeviceModel.VTO4202F_MB5, nine))).isEmpty();
        ModuleKind[] ten = Collections.nCopies(10, ModuleKind.BLANK).toArray(ModuleKind[]::new);
        assertThat(check(layout(DeviceModel.VTO4202F_MB1, ten))).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("modules");
            assertThat(e.message()).contains("at most 9 modules besides the camera module (10 placed)");
        });
    }

    @Test
    void everyOtherModelTakesOneAddedModule() {
        for (DeviceModel m : DeviceModel.values()) {
            int max = m.name().matches("VTO4202F_MB[125]") ? 9 : 1;
            assertThat(m.maxAdded()).as(m.id()).isEqualTo(max);
        }
        assertThat(check(layout(DeviceModel.VTO4202F_P, ModuleKind.BUTTON_5))).isEmpty();
        assertThat(check(layout(DeviceModel.VTO4202F_P, ModuleKind.BUTTON_5, ModuleKind.DISPLAY)))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("VTO4202F-P takes only one module"));
    }

    @Test
    void keyboardCardAndFingerprintModulesAreAddedOnceEachTheOthersFreely() {
        assertThat(check(layout(
                        DeviceModel.VTO4202F_MB5,
                        ModuleKind.BUTTON_5,
                        ModuleKind.BUTTON_5,
                        ModuleKind.DISPLAY,
                        ModuleKind.DISPLAY,
                        ModuleKind.KEYBOARD,
                        ModuleKind.CARD,
                        ModuleKind.FINGERPRINT)))
                .isEmpty();
        assertThat(check(layout(
                        DeviceModel.VTO4202F_MB5,
                        ModuleKind.KEYBOARD,
                        ModuleKind.KEYBOARD,
                        ModuleKind.CARD,
                        ModuleKind.CARD,
                        ModuleKind.FINGERPRINT,
                        ModuleKind.FINGERPRINT)))
                .extracting(FieldError::message)
                .containsExactly(
                        "Only one keyboard module can be added (keyboard, card swiping and fingerprint: one of each)",
                        "Only one card swiping module can be added (keyboard, card swiping and fingerprint: one of each)",
                        "Only one fingerprint module can be added (keyboard, card swiping and fingerprint: one of each)");
    }

    @Test
    void theAddListStopsOfferingAUniqueKindOnceItIsPlaced() {
        FacadeLayout l = layout(DeviceModel.VTO4202F_MB5, ModuleKind.KEYBOARD, ModuleKind.BUTTON_5);
        assertThat(l.addable())
                .doesNotContain(ModuleKind.KEYBOARD, ModuleKind.CAMERA)
                .contains(ModuleKind.BUTTON_5);
        assertThat(l.addable()).contains(ModuleKind.CARD, ModuleKind.FINGERPRINT);
    }

    @Test
    void theCameraModuleComesFirstAndOnlyOnce() {
        FacadeLayout noCamera = new FacadeLayout(
                DeviceModel.VTO4202F_MB5, Mounting.DEFAULT, List.of(FacadeModule.of(ModuleKind.BUTTON_1)));
        assertThat(check(noCamera)).extracting(FieldError::field).containsExactly("modules");
        assertThat(check(layout(DeviceModel.VTO4202F_MB5, ModuleKind.CAMERA)))
                .extracting(FieldError::message)
                .containsExactly("There is one camera module");
    }

    @Test
    void callKeysTakeRoomsOfRoomNoManagementOrTheCentreAndTheRightNumberOfKeys() {
        FacadeLayout l = new FacadeLayout(
                DeviceModel.VTO4202F_MB5,
                Mounting.DEFAULT,
                List.of(
                        new FacadeModule(ModuleKind.CAMERA, List.of("888888")),
                        new FacadeModule(ModuleKind.BUTTON_5, List.of("101", "102", "", "999", "103"))));
        assertThat(check(l)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("modules[1].keys[3]");
            assertThat(e.message()).isEqualTo("Call key 4 of module 2: room 999 is not in Room No. Management");
        });
        FacadeLayout wrongCount = new FacadeLayout(
                DeviceModel.VTO4202F_MB5,
                Mounting.DEFAULT,
                List.of(FacadeModule.of(ModuleKind.CAMERA), new FacadeModule(ModuleKind.BUTTON_2, List.of("101"))));
        assertThat(check(wrongCount)).extracting(FieldError::field).containsExactly("modules[1].keys");
    }

    @Test
    void aMountingHasFramesOfTwoOrThree() {
        FacadeLayout l = new FacadeLayout(
                DeviceModel.VTO4202F_P,
                new Mounting(4, Mounting.Orientation.VERTICAL),
                List.of(FacadeModule.of(ModuleKind.CAMERA)));
        assertThat(check(l)).extracting(FieldError::field).containsExactly("mounting");
    }

    @Test
    void cascadeOrderRunsTopToBottomThenLeftToRight() {
        Mounting vertical = new Mounting(3, Mounting.Orientation.VERTICAL);
        assertThat(vertical.position(0)).isEqualTo(new Mounting.Position(0, 0));
        assertThat(vertical.position(2)).isEqualTo(new Mounting.Position(2, 0));
        assertThat(vertical.position(3)).isEqualTo(new Mounting.Position(0, 1));
        Mounting horizontal = new Mounting(2, Mounting.Orientation.HORIZONTAL);
        assertThat(horizontal.position(1)).isEqualTo(new Mounting.Position(0, 1));
        assertThat(horizontal.position(2)).isEqualTo(new Mounting.Position(1, 0));
        assertThat(Mounting.parse("2-horizontal")).contains(horizontal);
        assertThat(Mounting.parse("sideways")).isEmpty();
    }

    @Test
    void aKeyWhoseRoomWasDeletedWorksAsUnassigned() {
        FacadeLayout l = new FacadeLayout(
                DeviceModel.VTO4202F_MB2,
                Mounting.DEFAULT,
                List.of(
                        new FacadeModule(ModuleKind.CAMERA, List.of("888888")),
                        new FacadeModule(ModuleKind.BUTTON_2, List.of("101", "104"))));
        List<CallKey> keys = CallKey.of(l, ROOMS);
        assertThat(keys)
                .extracting(CallKey::state)
                .containsExactly(CallKey.State.ASSIGNED, CallKey.State.ASSIGNED, CallKey.State.ROOM_DELETED);
        assertThat(keys.get(0).label()).isEqualTo("Centre");
        assertThat(keys.get(1).room()).contains("101");
        assertThat(keys.get(2).room()).isEmpty();
        assertThat(keys.get(2).label()).isEqualTo("unassigned (room 104 deleted)");
        assertThat(CallKey.find(l, ROOMS, 1, 1)).contains(keys.get(2));
        assertThat(CallKey.find(l, ROOMS, 1, 2)).isEmpty();
        assertThat(CallKey.find(l, ROOMS, 5, 0)).isEmpty();
    }

    @Test
    void modelsAreReadAsDahuaDevicesReportThem() {
        assertThat(DeviceModel.parse("DHI-VTO4202F-MB5")).contains(DeviceModel.VTO4202F_MB5);
        assertThat(DeviceModel.parse("vto4202f-p")).contains(DeviceModel.VTO4202F_P);
        assertThat(DeviceModel.parse("VTO2000A")).isEmpty();
    }

    @Test
    void editsKeepTheCameraModuleFirstAndTheOthersInOrder() {
        FacadeLayout l = layout(DeviceModel.VTO4202F_MB5)
                .withAdded(List.of(ModuleKind.BUTTON_5, ModuleKind.KEYBOARD, ModuleKind.DISPLAY));
        assertThat(l.modules())
                .extracting(FacadeModule::kind)
                .containsExactly(ModuleKind.CAMERA, ModuleKind.BUTTON_5, ModuleKind.KEYBOARD, ModuleKind.DISPLAY);
        assertThat(l.moved(3, -1).modules())
                .extracting(FacadeModule::kind)
                .containsExactly(ModuleKind.CAMERA, ModuleKind.BUTTON_5, ModuleKind.DISPLAY, ModuleKind.KEYBOARD);
        assertThat(l.moved(1, -1)).as("nothing moves above the camera module").isEqualTo(l);
        assertThat(l.moved(3, 1)).isEqualTo(l);
        assertThat(l.without(0)).as("the camera module stays").isEqualTo(l);
        assertThat(l.without(2).modules())
                .extracting(FacadeModule::kind)
                .containsExactly(ModuleKind.CAMERA, ModuleKind.BUTTON_5, ModuleKind.DISPLAY);
        assertThat(l.withKeys(1, List.of("101", "", "", "", "102"))
                        .modules()
                        .get(1)
                        .keys())
                .containsExactly("101", "", "", "", "102");
    }
}
