package org.openvto.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SavedTest {
    @Test
    void aPageNumberThatIsNotASmallPositiveNumberIsPageOne() {
        assertThat(Saved.page(null)).isEqualTo(1);
        assertThat(Saved.page("")).isEqualTo(1);
        assertThat(Saved.page("0")).isEqualTo(1);
        assertThat(Saved.page("-3")).isEqualTo(1);
        assertThat(Saved.page("1e3")).isEqualTo(1);
        assertThat(Saved.page("9999999")).isEqualTo(1);
        assertThat(Saved.page("7")).isEqualTo(7);
    }
}
