package org.openvto.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.openvto.validation.Result;

/**
 * Fuzz target for the people CSV import (and the RFC 4180 reader under it): any bytes are a clear rejection or an
 * import, never an exception; a rejected file stores nobody. A normal {@code mvn test} replays the seed corpus in
 * {@code src/test/resources/org/openvto/access/PeopleImportFuzzTestInputs/}; fuzz for real with {@code
 * JAZZER_FUZZ=1 mvn -pl domain test -Dtest=PeopleImportFuzzTest}.
 */
class PeopleImportFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyFileIsRejectedWithReasonsOrImported(byte[] data) {
        AccessFixture f = new AccessFixture();
        var r = f.peopleService.importCsv(new String(data, StandardCharsets.UTF_8));
        switch (r) {
            case Result.Rejected<Integer> rejected -> {
                assertThat(rejected.errors()).isNotEmpty();
                assertThat(f.people.count("")).isZero();
            }
            case Result.Applied<Integer> applied ->
                assertThat(f.people.count("")).isEqualTo((long) applied.value());
        }
    }
}
