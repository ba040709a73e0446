package org.openvto.household;

import java.util.HashMap;
import java.util.Map;
import org.openvto.device.SettingKey;
import org.openvto.device.SettingsStore;
import org.openvto.video.AudioKind;
import org.openvto.video.SourceKind;
import org.openvto.video.StreamSettings;
import org.openvto.video.VideoSettings;

/** The settings of Local Setting › Video &amp; Audio: each key named once; the relay password is sealed at rest. */
final class VideoKeys {
    static final SettingKey SOURCE = SettingKey.plain("video.source");
    static final SettingKey MAIN_COMMAND = SettingKey.plain("video.main-command");
    static final SettingKey SUB_COMMAND = SettingKey.plain("video.sub-command");
    static final SettingKey RELAY_MAIN_URL = SettingKey.plain("video.relay-main-url");
    static final SettingKey RELAY_SUB_URL = SettingKey.plain("video.relay-sub-url");
    static final SettingKey RELAY_USERNAME = SettingKey.plain("video.relay-username");
    static final SettingKey RELAY_PASSWORD = SettingKey.secret("video.relay-password");
    static final SettingKey MAX_STREAMS = SettingKey.plain("video.max-streams");
    static final SettingKey AUDIO = SettingKey.plain("video.audio");
    static final SettingKey AUDIO_COMMAND = SettingKey.plain("video.audio-command");

    private VideoKeys() {}

    static VideoSettings read(SettingsStore s) {
        VideoSettings f = VideoSettings.FACTORY;
        return new VideoSettings(
                s.get(SOURCE).flatMap(SourceKind::parse).orElse(f.source()),
                stream(s, "main", f.main()),
                stream(s, "sub", f.sub()),
                s.get(MAIN_COMMAND).orElse(""),
                s.get(SUB_COMMAND).orElse(""),
                s.get(RELAY_MAIN_URL).orElse(""),
                s.get(RELAY_SUB_URL).orElse(""),
                s.get(RELAY_USERNAME).orElse(""),
                s.get(RELAY_PASSWORD).orElse(""),
                Strings.integer(s, MAX_STREAMS, f.maxStreams()),
                s.get(AUDIO).flatMap(AudioKind::parse).orElse(f.audio()),
                s.get(AUDIO_COMMAND).orElse(""));
    }

    static Map<SettingKey, String> write(VideoSettings v) {
        Map<SettingKey, String> m = new HashMap<>();
        m.put(SOURCE, v.source().token());
        writeStream(m, "main", v.main());
        writeStream(m, "sub", v.sub());
        m.put(MAIN_COMMAND, Strings.nz(v.mainCommand()).strip());
        m.put(SUB_COMMAND, Strings.nz(v.subCommand()).strip());
        m.put(RELAY_MAIN_URL, Strings.nz(v.relayMainUrl()).strip());
        m.put(RELAY_SUB_URL, Strings.nz(v.relaySubUrl()).strip());
        m.put(RELAY_USERNAME, Strings.nz(v.relayUsername()));
        m.put(RELAY_PASSWORD, Strings.nz(v.relayPassword()));
        m.put(MAX_STREAMS, String.valueOf(v.maxStreams()));
        m.put(AUDIO, v.audio().token());
        m.put(AUDIO_COMMAND, Strings.nz(v.audioCommand()).strip());
        return m;
    }

    private static StreamSettings stream(SettingsStore s, String name, StreamSettings f) {
        return new StreamSettings(
                Strings.integer(s, key(name, "width"), f.width()),
                Strings.integer(s, key(name, "height"), f.height()),
                Strings.integer(s, key(name, "fps"), f.fps()),
                Strings.integer(s, key(name, "bitrate-kbps"), f.bitrateKbps()),
                Strings.integer(s, key(name, "key-frame-interval"), f.keyFrameInterval()));
    }

    private static void writeStream(Map<SettingKey, String> m, String name, StreamSettings s) {
        m.put(key(name, "width"), String.valueOf(s.width()));
        m.put(key(name, "height"), String.valueOf(s.height()));
        m.put(key(name, "fps"), String.valueOf(s.fps()));
        m.put(key(name, "bitrate-kbps"), String.valueOf(s.bitrateKbps()));
        m.put(key(name, "key-frame-interval"), String.valueOf(s.keyFrameInterval()));
    }

    private static SettingKey key(String stream, String field) {
        return SettingKey.plain("video." + stream + "-" + field);
    }
}
