package org.openvto.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.openvto.household.InstallationSnapshot;
import org.openvto.validation.Result;

/**
 * Fuzz target for the configuration file parser (backup/restore, {@code openvto config import}, the REST bodies):
 * any text is read into a snapshot or into field errors, never an exception (the content rules are checked on
 * restore, by the domain). A normal {@code mvn test} replays the seed corpus in
 * {@code src/test/resources/org/openvto/backup/ConfigurationFileFuzzTestInputs/}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -pl backup test -Dtest=ConfigurationFileFuzzTest}.
 */
class ConfigurationFileFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyTextIsAResultNeverAnException(byte[] data) {
        switch (ConfigurationFile.read(new String(data, StandardCharsets.UTF_8))) {
            case Result.Applied<InstallationSnapshot> ok ->
                assertThat(ok.value().rooms()).isNotNull();
            case Result.Rejected<InstallationSnapshot> r ->
                assertThat(r.errors()).isNotEmpty();
        }
    }
}
