package org.openvto.web.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventStreamTest {
    @Test
    void topicsAreCommaSeparatedPrefixesAndTheFacadeByDefault() {
        assertThat(EventStream.topics(null)).containsExactly("facade/");
        assertThat(EventStream.topics(" ")).containsExactly("facade/");
        assertThat(EventStream.topics("facade/,door/1/")).containsExactly("facade/", "door/1/");
    }

    @Test
    void aMalformedOrTooLongListSubscribesToNothing() {
        assertThat(EventStream.topics("facade/,<script>")).isEmpty();
        assertThat(EventStream.topics("a,b,c,d,e,f,g,h,i")).isEmpty();
        assertThat(EventStream.topics(",")).isEmpty();
        assertThat(EventStream.topics("x".repeat(65))).isEmpty();
    }
}
