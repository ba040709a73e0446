package org.openvto.household;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordDiffTest {
    record Sample(String name, int port, String loginPassword) {}

    @Test
    void listsOnlyTheComponentsThatDiffer() {
        assertThat(RecordDiff.of(new Sample("a", 1, "x"), new Sample("b", 1, "x")))
                .isEqualTo("name a→b");
        assertThat(RecordDiff.of(new Sample("a", 1, "x"), new Sample("a", 2, "x")))
                .isEqualTo("port 1→2");
    }

    @Test
    void secretsAreReportedAsChangedWithoutTheirValues() {
        assertThat(RecordDiff.of(new Sample("a", 1, "old"), new Sample("a", 1, "new")))
                .isEqualTo("loginPassword changed");
    }

    @Test
    void emptyValuesAndNoChangeAreSpelledOut() {
        assertThat(RecordDiff.of(new Sample("", 1, ""), new Sample("a", 1, ""))).isEqualTo("name (empty)→a");
        assertThat(RecordDiff.of(new Sample("a", 1, ""), new Sample("a", 1, "")))
                .isEqualTo("no change");
    }
}
