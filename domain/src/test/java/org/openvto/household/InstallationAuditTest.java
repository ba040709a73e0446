package org.openvto.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvto.device.DeviceProperties;
import org.openvto.device.SystemType;
import org.openvto.event.EventBus;
import org.openvto.facade.DeviceModel;
import org.openvto.network.NetworkDefaults;
import org.openvto.network.NetworkSettings;
import org.openvto.network.ServerType;
import org.openvto.network.SipServerSettings;
import org.openvto.security.SecurityEvent;
import org.openvto.validation.FieldError;
import org.openvto.validation.Result;

class InstallationAuditTest {
    private static final NetworkSettings DEFAULTS =
            new NetworkSettings("192.168.1.108", "255.255.255.0", "192.168.1.1", "8.8.8.8", 8080, 443, 554, 5060);
    private final MemoryHousehold store = new MemoryHousehold();
    private final EventBus bus = new EventBus();
    private final List<SecurityEvent> security = new ArrayList<>();
    private final List<ConfigChanged> changes = new ArrayList<>();
    private final Installation installation;

    InstallationAuditTest() {
        installation = Installation.open(
                store, store, bus, "VTO", new NetworkDefaults(DEFAULTS), 8080, DeviceModel.VTO4202F_P);
        bus.subscribe(SecurityEvent.class, security::add);
        bus.subscribe(ConfigChanged.class, changes::add);
    }

    @Test
    void aChangeIsAuditedWithTheBoundActorAndWhatChanged() {
        NetworkSettings moved =
                new NetworkSettings("192.168.1.108", "255.255.255.0", "192.168.1.1", "8.8.8.8", 8090, 443, 554, 5060);
        Actor.as(new Actor("admin", "10.0.0.7"), () -> installation.network().update(moved));
        assertThat(security).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo("security/config/changed");
            assertThat(e.username()).isEqualTo("admin");
            assertThat(e.source()).isEqualTo("10.0.0.7");
            assertThat(e.detail()).isEqualTo("network: httpPort 8080→8090");
        });
        assertThat(changes)
                .singleElement()
                .satisfies(c -> assertThat(c.actor()).isEqualTo(new Actor("admin", "10.0.0.7")));
        assertThat(Actor.current()).as("binding restored").isEqualTo(Actor.SYSTEM);
    }

    @Test
    void passwordsAreLoggedAsChangedNeverByValue() {
        SipServerSettings s = new SipServerSettings(
                true,
                ServerType.VTO,
                "",
                5060,
                "",
                "Top#Secret1",
                "VDP",
                "",
                "",
                "",
                "",
                "",
                "",
                false,
                false,
                false,
                "");
        installation.sipServer().update(s);
        assertThat(security.get(0).detail())
                .contains("enabled false→true")
                .contains("password changed")
                .doesNotContain("Top#Secret1");
        assertThat(security.get(0).username()).isEqualTo("system");
    }

    @Test
    void clearingRoomsSaysHowMany() {
        installation.rooms().addBatch(new BatchSpec(3, 67, 1001, 1101), n -> {});
        security.clear();
        assertThat(installation.rooms().clear()).isEqualTo(201);
        assertThat(security)
                .singleElement()
                .extracting(SecurityEvent::detail)
                .isEqualTo("household: rooms cleared (201)");
    }

    @Test
    void aRejectedChangeIsNotAudited() {
        installation.device().update(new DeviceProperties("VTO", "123456", SystemType.TCP_IP, "", ""));
        assertThat(security).isEmpty();
        assertThat(changes).isEmpty();
    }

    @Test
    void theChecklistFollowsWhatIsStored() {
        SetupProgress fresh = installation.checklist().progress();
        assertThat(fresh.vtoNumberSet()).isFalse();
        assertThat(fresh.systemTypeConfirmed()).isFalse();
        assertThat(fresh.sipServerConfigured()).isFalse();
        assertThat(fresh.vtosAdded()).isFalse();
        assertThat(fresh.roomsAdded()).isFalse();

        installation.device().update(new DeviceProperties("VTO", "8001", SystemType.ANALOG, "", ""));
        SetupProgress analog = installation.checklist().progress();
        assertThat(analog.vtoNumberSet()).isTrue();
        assertThat(analog.systemTypeConfirmed()).isTrue();
        assertThat(analog.systemTypeReady()).as("Analog cannot reach VTHs").isFalse();

        installation.device().update(new DeviceProperties("VTO", "8001", SystemType.TCP_IP, "", ""));
        installation
                .sipServer()
                .update(new SipServerSettings(
                        true,
                        ServerType.VTO,
                        "",
                        5060,
                        "",
                        "",
                        "VDP",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        false,
                        false,
                        false,
                        ""));
        installation.vtos().add(new VtoEntry("8001", "Reg1stered", "", "", "192.168.1.108", "", ""));
        installation
                .rooms()
                .add(new RoomDevice(new RoomNumber("101", 0), "", "", "", RegisterType.PUBLIC, "Reg1stered"));
        SetupProgress done = installation.checklist().progress();
        assertThat(done.systemTypeReady()).isTrue();
        assertThat(done.sipServerConfigured()).isTrue();
        assertThat(done.vtoCount()).isEqualTo(1);
        assertThat(done.roomCount()).isEqualTo(1);
    }

    @Test
    void aBatchWithTheSecondFloorBelowTheFirstIsRejectedWithEveryOtherRule() {
        Result<List<String>> r = installation.rooms().planBatch(new BatchSpec(0, 0, 201, 101));
        assertThat(r).isInstanceOf(Result.Rejected.class);
        List<FieldError> errors = ((Result.Rejected<List<String>>) r).errors();
        assertThat(errors).extracting(FieldError::field).containsExactly("layers", "roomsPerLayer", "secondFloorNo");
        assertThat(errors.get(2).message()).startsWith("Second floor below first floor");
    }

    @Test
    void floorsThatOverlapAreRejectedNamingTheRule() {
        Result<List<String>> r = installation.rooms().planBatch(new BatchSpec(2, 4, 601, 603));
        assertThat(((Result.Rejected<List<String>>) r).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("Floors overlap"));
    }

    @Test
    void rebootIsAuditedAndAnnounced() {
        List<RebootRequested> reboots = new ArrayList<>();
        bus.subscribe(RebootRequested.class, reboots::add);
        Actor.as(new Actor("admin", "10.0.0.7"), () -> {
            installation.reboot().request();
            return null;
        });
        assertThat(reboots)
                .singleElement()
                .extracting(RebootRequested::actor)
                .isEqualTo(new Actor("admin", "10.0.0.7"));
        assertThat(security).singleElement().extracting(SecurityEvent::topic).isEqualTo("security/system/reboot");
    }
}
