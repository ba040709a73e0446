package org.openvto.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvto.event.EventBus;
import org.openvto.facade.DeviceModel;
import org.openvto.network.NetworkDefaults;
import org.openvto.network.NetworkSettings;
import org.openvto.validation.FieldError;
import org.openvto.validation.Result;
import org.openvto.video.AudioKind;
import org.openvto.video.SourceKind;
import org.openvto.video.StreamSettings;
import org.openvto.video.VideoSettings;

class VideoServiceTest {
    private final MemoryHousehold store = new MemoryHousehold();
    private final EventBus bus = new EventBus();
    private final List<ConfigChanged> changes = new ArrayList<>();

    private Installation installation(boolean allowCommands) {
        return Installation.open(
                store,
                store,
                bus,
                "VTO",
                new NetworkDefaults(new NetworkSettings(
                        "192.168.1.108", "255.255.255.0", "192.168.1.1", "8.8.8.8", 8080, 443, 554, 5060)),
                8080,
                DeviceModel.VTO4202F_P,
                allowCommands);
    }

    VideoServiceTest() {
        bus.subscribe(ConfigChanged.class, changes::add);
    }

    private static VideoSettings relay(String password) {
        return new VideoSettings(
                SourceKind.RELAY,
                StreamSettings.MAIN,
                StreamSettings.SUB,
                "",
                "",
                "rtsp://192.0.2.7:554/cam/realmonitor?channel=1&subtype=0",
                "",
                "admin",
                password,
                4,
                AudioKind.TONE,
                "");
    }

    private static VideoSettings command(String line) {
        return new VideoSettings(
                SourceKind.COMMAND,
                StreamSettings.MAIN,
                StreamSettings.SUB,
                line,
                "",
                "",
                "",
                "",
                "",
                6,
                AudioKind.NONE,
                "");
    }

    private static List<FieldError> errors(Result<Change> r) {
        assertThat(r).isInstanceOf(Result.Rejected.class);
        return ((Result.Rejected<Change>) r).errors();
    }

    @Test
    void aNewVtoHasTheTestCameraAtTheRecommendedSizesAndSixStreams() {
        VideoSettings s = installation(false).video().current();
        assertThat(s).isEqualTo(VideoSettings.FACTORY);
        assertThat(s.main()).isEqualTo(new StreamSettings(640, 360, 10, 600, 20));
        assertThat(s.maxStreams()).isEqualTo(6);
    }

    @Test
    void aSaveIsStoredAnnouncedWithoutARestartAndTheLogNeverHoldsThePassword() {
        Installation i = installation(false);
        assertThat(i.video().update(relay("S3cret-cam"))).isInstanceOf(Result.Applied.class);
        assertThat(i.video().current()).isEqualTo(relay("S3cret-cam"));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.topic()).isEqualTo("config/video/changed");
            assertThat(c.restart()).isEmpty();
            assertThat(c.what()).contains("relayPassword changed").doesNotContain("S3cret-cam");
        });
        assertThat(store.settings).containsEntry("video.source", "relay").containsEntry("video.max-streams", "4");
    }

    @Test
    void aSaveThatChangesNothingWritesAndAnnouncesNothing() {
        Installation i = installation(false);
        i.video().update(relay("S3cret-cam"));
        changes.clear();
        Map<String, String> before = Map.copyOf(store.settings);
        assertThat(i.video().update(relay(""))).isInstanceOf(Result.Applied.class);
        assertThat(i.video().update(relay("S3cret-cam"))).isInstanceOf(Result.Applied.class);
        assertThat(changes).isEmpty();
        assertThat(store.settings).isEqualTo(before);
    }

    @Test
    void aBlankPasswordKeepsTheStoredOne() {
        Installation i = installation(false);
        i.video().update(relay("S3cret-cam"));
        VideoSettings moreStreams = relay("");
        i.video()
                .update(new VideoSettings(
                        moreStreams.source(),
                        moreStreams.main(),
                        moreStreams.sub(),
                        "",
                        "",
                        moreStreams.relayMainUrl(),
                        "",
                        "admin",
                        "",
                        5,
                        AudioKind.NONE,
                        ""));
        assertThat(i.video().current().relayPassword()).isEqualTo("S3cret-cam");
        assertThat(i.video().current().maxStreams()).isEqualTo(5);
    }

    @Test
    void externalCommandsAreRefusedUnlessTheConfigurationFileAllowsThemAndNothingChanges() {
        Installation i = installation(false);
        Map<String, String> before = Map.copyOf(store.settings);
        Result<Change> r = i.video().update(command("ffmpeg -f lavfi -i testsrc -f h264 -"));
        assertThat(errors(r)).extracting(FieldError::field).containsExactly("mainCommand");
        assertThat(store.settings).isEqualTo(before);
        assertThat(changes).isEmpty();
        assertThat(installation(true).video().update(command("ffmpeg -f lavfi -i testsrc -f h264 -")))
                .isInstanceOf(Result.Applied.class);
    }

    @Test
    void everyBrokenRuleIsNamedAndNothingIsWritten() {
        Installation i = installation(true);
        Map<String, String> before = Map.copyOf(store.settings);
        VideoSettings bad = new VideoSettings(
                SourceKind.RELAY,
                new StreamSettings(641, 100, 0, 5, 301),
                StreamSettings.SUB,
                "",
                "",
                "http://user:pw@cam/x",
                "rtsp://",
                "admin",
                "",
                33,
                AudioKind.COMMAND,
                "arecord 'unclosed");
        Result<Change> r = i.video().update(bad);
        assertThat(errors(r))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "main.width",
                        "main.height",
                        "main.fps",
                        "main.bitrateKbps",
                        "main.keyFrameInterval",
                        "maxStreams",
                        "relayMainUrl",
                        "relaySubUrl",
                        "audioCommand");
        assertThat(store.settings).isEqualTo(before);
        assertThat(changes).isEmpty();
    }

    @Test
    void anImportRestoresVideoKeepsTheStoredRelayPasswordAndABadSectionChangesNothing() {
        Installation i = installation(false);
        i.video().update(relay("S3cret-cam"));
        InstallationSnapshot exported = i.backup().snapshot();
        assertThat(exported.video().relayPassword()).as("never exported").isEmpty();
        assertThat(i.backup().restore(exported)).isInstanceOf(Result.Applied.class);
        assertThat(i.video().current()).isEqualTo(relay("S3cret-cam"));

        Map<String, String> before = Map.copyOf(store.settings);
        InstallationSnapshot bad = new InstallationSnapshot(
                exported.device(),
                exported.network(),
                exported.sipServer(),
                exported.vtos(),
                exported.rooms(),
                exported.facade(),
                command("ffmpeg -f lavfi -i testsrc -f h264 -"));
        assertThat(errors(i.backup().restore(bad)))
                .extracting(FieldError::field)
                .containsExactly("video.mainCommand");
        assertThat(store.settings).isEqualTo(before);
    }
}
