package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.config.ConfigException;

class ConfigTreeTest {
    @TempDir
    Path dir;

    @Test
    void theShippedDefaultsParseIntoValidRecords() {
        OpenVtoConfig config = OpenVtoConfig.load(null, Map.of(), 0);
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.http().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.device().model()).isEqualTo("VTO4202F-P");
        assertThat(config.storage().url()).isEmpty();
        assertThat(config.security().lockoutThreshold()).isEqualTo(5);
        assertThat(config.security().lockoutDuration()).hasMinutes(30);
    }

    @Test
    void everyDefaultKeyIsDocumentedWithACommentAbove() throws Exception {
        var lines = new String(ConfigTreeTest.class
                        .getResourceAsStream(ConfigTree.DEFAULTS)
                        .readAllBytes())
                .lines()
                .toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.matches("\\s+[a-z-]+: .*")) {
                assertThat(lines.get(i - 1).strip())
                        .as("comment above '%s'", line.strip())
                        .startsWith("#");
            }
        }
    }

    @Test
    void userFileThenEnvironmentOverrideAndPortOffsetShiftsEveryPort() throws Exception {
        Path file = dir.resolve("openvto.yaml");
        Files.writeString(file, "http:\n  port: 9000\nsecurity:\n  lockout-minutes: 10\n");
        OpenVtoConfig config = OpenVtoConfig.load(file, Map.of("OPENVTO_SECURITY_LOCKOUT_MINUTES", "15"), 3);
        assertThat(config.http().port()).isEqualTo(9003);
        assertThat(config.security().lockoutDuration()).hasMinutes(15);
    }

    @Test
    void unknownKeysAndBadValuesNameTheKeyAndTheRule() throws Exception {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "http:\n  prot: 9000\n");
        assertThatThrownBy(() -> OpenVtoConfig.load(typo, Map.of(), 0))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("http.prot: unknown setting");
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of("OPENVTO_HTTP_PORT", "eighty"), 0))
                .hasMessage("http.port: must be a whole number (was 'eighty')");
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of("OPENVTO_SECURITY_LOCKOUT_THRESHOLD", "0"), 0))
                .hasMessage("security.lockout-threshold: must be between 1 and 100 (was 0)");
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of("OPENVTO_HTTP_METRICS_PUBLIC", "maybe"), 0))
                .hasMessage("http.metrics-public: must be true or false (was 'maybe')");
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of("OPENVTO_DEVICE_MODEL", "NVR5208"), 0))
                .hasMessageStartingWith("device.model: must start with VTO");
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of("OPENVTO_STORAGE_URL", "jdbc:mysql://x"), 0))
                .hasMessageStartingWith("storage.url:");
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of(), 60_000))
                .hasMessage("http.port: must be between 1 and 65535 (was 68080)");
    }

    @Test
    void theSipDefencesDefaultToTheConsolesLockoutAndABuildingSizedFloodLimit() {
        var policy = OpenVtoConfig.load(null, Map.of(), 0).sip().authPolicy();
        assertThat(policy.allowNoQop()).isFalse();
        assertThat(policy.lockoutFailures()).isEqualTo(5);
        assertThat(policy.lockoutDuration()).hasMinutes(30);
        assertThat(policy.floodRequestsPerSecond()).isEqualTo(2_000);
        assertThat(policy.floodBan()).hasSeconds(60);
        assertThat(OpenVtoConfig.load(
                                null,
                                Map.of(
                                        "OPENVTO_SIP_FLOOD_REQUESTS_PER_SECOND",
                                        "0",
                                        "OPENVTO_SIP_DIGEST_ALLOW_NO_QOP",
                                        "true"),
                                0)
                        .sip()
                        .authPolicy()
                        .allowNoQop())
                .isTrue();
    }

    @Test
    void badSipDefenceValuesNameTheKey() {
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of("OPENVTO_SIP_LOCKOUT_FAILURES", "0"), 0))
                .hasMessageStartingWith("sip.lockout-failures: ");
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of("OPENVTO_SIP_LOCKOUT_MINUTES", "2000"), 0))
                .hasMessageStartingWith("sip.lockout-minutes: ");
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of("OPENVTO_SIP_FLOOD_REQUESTS_PER_SECOND", "-1"), 0))
                .hasMessageStartingWith("sip.flood-requests-per-second: ");
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of("OPENVTO_SIP_FLOOD_BAN_SECONDS", "0"), 0))
                .hasMessageStartingWith("sip.flood-ban-seconds: ");
        assertThatThrownBy(() -> OpenVtoConfig.load(null, Map.of("OPENVTO_SIP_DIGEST_ALLOW_NO_QOP", "maybe"), 0))
                .hasMessageStartingWith("sip.digest-allow-no-qop: ");
    }
}
