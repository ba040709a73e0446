package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's two commands are the ones that exist, and CI runs exactly the README's test command. */
class ProjectCommandsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void ciRunsExactlyTheReadmeTestCommand() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("set ") && !l.startsWith("cd "))
                .toList();
        assertThat(ci).containsExactly("./scripts/test.sh");
        assertThat(readme).contains("\n./scripts/test.sh\n").contains("\n./openvto run\n");
        assertThat(ROOT.resolve("scripts/test.sh")).isExecutable();
        assertThat(ROOT.resolve("openvto")).isExecutable();
    }
}
