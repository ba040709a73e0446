package org.openvto.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openvto.device.DeviceConfig;
import org.openvto.hardware.HardwareConfig;
import org.openvto.hardware.linux.LinuxHardwareConfig;
import org.openvto.network.NetworkDefaults;
import org.openvto.network.NetworkSettings;
import org.openvto.security.SecurityConfig;
import org.openvto.sip.server.SipConfig;
import org.openvto.storage.StorageConfig;
import org.openvto.web.HttpConfig;

/** Every feature's configuration record, validated at start-up (each record checks its own keys). */
record OpenVtoConfig(
        DeviceConfig device,
        HttpConfig http,
        NetworkDefaults network,
        StorageConfig storage,
        SecurityConfig security,
        SipConfig sip,
        HardwareConfig hardware,
        org.openvto.app.centre.CentreConfig centre,
        org.openvto.app.video.RtspConfig rtsp,
        org.openvto.app.video.VideoConfig video,
        org.openvto.app.calls.CallConfig call) {

    /** Reads and validates; throws {@link org.openvto.config.ConfigException} naming the first bad key. */
    static OpenVtoConfig load(Path userFile, Map<String, String> env, int portOffset) {
        ConfigTree t = ConfigTree.load(userFile, env, portOffset);
        return new OpenVtoConfig(
                new DeviceConfig(t.string("device.model"), t.string("device.name")),
                new HttpConfig(t.string("http.bind-address"), t.integer("http.port"), t.bool("http.metrics-public")),
                new NetworkDefaults(new NetworkSettings(
                        t.string("network.ip-address"),
                        t.string("network.subnet-mask"),
                        t.string("network.gateway"),
                        t.string("network.dns"),
                        t.integer("http.port"),
                        t.integer("network.https-port"),
                        t.integer("network.rtsp-port"),
                        t.integer("network.sip-port"))),
                new StorageConfig(
                        t.string("storage.url"),
                        t.string("storage.username"),
                        t.string("storage.password"),
                        t.integer("storage.pool-size")),
                new SecurityConfig(
                        t.integer("security.lockout-threshold"),
                        Duration.ofMinutes(t.integer("security.lockout-minutes")),
                        Duration.ofMillis(t.integer("security.failure-delay-ms")),
                        Duration.ofMinutes(t.integer("security.session-idle-minutes")),
                        Duration.ofSeconds(t.integer("security.digest-nonce-seconds"))),
                new SipConfig(
                        t.integer("sip.t1-ms"),
                        t.integer("sip.t2-ms"),
                        t.integer("sip.t4-ms"),
                        t.integer("sip.register-min-expires"),
                        t.integer("sip.register-max-expires"),
                        t.integer("sip.register-default-expires"),
                        SipConfig.algorithms(t.string("sip.digest-algorithms")),
                        t.integer("sip.max-call-minutes"),
                        t.bool("sip.digest-allow-no-qop"),
                        t.integer("sip.lockout-failures"),
                        t.integer("sip.lockout-minutes"),
                        t.integer("sip.flood-requests-per-second"),
                        t.integer("sip.flood-ban-seconds"),
                        t.integer("sip.connection-idle-seconds"),
                        t.integer("sip.connections-per-source"),
                        t.integer("sip.connections-max"),
                        t.integer("sip.warmup-registrations")),
                hardware(t),
                centre(t),
                new org.openvto.app.video.RtspConfig(
                        t.integer("rtsp.rtp-port"),
                        t.integer("rtsp.session-timeout-seconds"),
                        t.integer("rtsp.max-connections"),
                        t.bool("rtsp.digest-qop"),
                        t.bool("rtsp.basic-auth")),
                new org.openvto.app.video.VideoConfig(t.bool("video.allow-commands")),
                org.openvto.app.calls.CallConfig.of(
                        t.integer("call.ring-timeout-seconds"),
                        t.integer("call.talk-time-seconds"),
                        t.integer("call.monitor-time-seconds"),
                        t.string("call.centre-number"),
                        t.integer("call.media-first-port"),
                        t.integer("call.media-last-port"),
                        t.string("call.video-stream")));
    }

    private static org.openvto.app.centre.CentreConfig centre(ConfigTree t) {
        return new org.openvto.app.centre.CentreConfig(
                t.bool("centre.sip.enabled")
                        ? java.util.Optional.of(org.openvto.app.centre.SipCentreDestination.Config.of(
                                t.string("centre.sip.number"), t.integer("centre.sip.timeout-ms")))
                        : java.util.Optional.empty(),
                t.string("centre.webhook.url").isBlank()
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(org.openvto.centre.webhook.WebhookConfig.of(
                                t.string("centre.webhook.url"),
                                t.string("centre.webhook.secret"),
                                t.integer("centre.webhook.timeout-ms"))),
                t.string("centre.syslog.host").isBlank()
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(org.openvto.centre.syslog.SyslogConfig.of(
                                t.string("centre.syslog.host"),
                                t.integer("centre.syslog.port"),
                                t.string("centre.syslog.transport"),
                                t.string("centre.syslog.facility"),
                                t.integer("centre.syslog.max-size"),
                                t.integer("centre.syslog.timeout-ms"))),
                java.time.Duration.ofSeconds(t.integer("centre.max-backoff-seconds")));
    }

    private static HardwareConfig hardware(ConfigTree t) {
        return new HardwareConfig(
                t.string("hardware.driver"),
                new LinuxHardwareConfig(
                        t.string("hardware.gpio.chip"),
                        t.integer("hardware.retry-seconds"),
                        line(t, "lock1"),
                        line(t, "lock2"),
                        line(t, "door-sensor"),
                        line(t, "exit-button"),
                        line(t, "tamper"),
                        line(t, "led-call"),
                        line(t, "led-talk"),
                        line(t, "led-unlock"),
                        new LinuxHardwareConfig.Wiegand(
                                t.integer("hardware.wiegand.d0"),
                                t.integer("hardware.wiegand.d1"),
                                t.string("hardware.wiegand.bias"),
                                t.integer("hardware.wiegand.frame-gap-ms"),
                                t.integer("hardware.wiegand.min-spacing-us"),
                                t.integer("hardware.wiegand.module")),
                        new LinuxHardwareConfig.Hid(
                                t.string("hardware.hid.device"),
                                t.string("hardware.hid.mode"),
                                t.integer("hardware.hid.inter-key-ms"),
                                t.integer("hardware.hid.module"))));
    }

    private static LinuxHardwareConfig.Line line(ConfigTree t, String name) {
        String key = "hardware.gpio." + name;
        return new LinuxHardwareConfig.Line(
                key,
                t.integer(key + ".line"),
                t.bool(key + ".active-low"),
                t.string(key + ".bias"),
                t.integer(key + ".debounce-us"),
                t.string(key + ".contact"));
    }
}
