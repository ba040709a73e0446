package org.openvto.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameOriginTest {
    private static final String HOST = "192.168.1.108:8080";

    @Test
    void readsAreNeverRefused() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertThat(SameOrigin.refusal(method, HOST, "http://evil.example", null))
                    .isEmpty();
        }
    }

    @Test
    void aSameOriginPostPassesWhateverTheCaseOfTheHost() {
        assertThat(SameOrigin.refusal("POST", HOST, "http://192.168.1.108:8080", null))
                .isEmpty();
        assertThat(SameOrigin.refusal("PUT", "vto.local:8080", "http://VTO.local:8080", null))
                .isEmpty();
    }

    @Test
    void aForeignOrNullOriginIsRefused() {
        assertThat(SameOrigin.refusal("POST", HOST, "http://evil.example", null))
                .hasValueSatisfying(reason -> assertThat(reason).contains("Origin http://evil.example"));
        assertThat(SameOrigin.refusal("POST", HOST, "null", null)).isPresent();
        assertThat(SameOrigin.refusal("DELETE", HOST, "http://192.168.1.108:8081", null))
                .as("another port")
                .isPresent();
        assertThat(SameOrigin.refusal("POST", HOST, "not a url at all", null)).isPresent();
    }

    @Test
    void withoutOriginAForeignRefererIsRefusedAndNeitherHeaderMeansANonBrowserClient() {
        assertThat(SameOrigin.refusal("POST", HOST, null, "http://evil.example/attack.html"))
                .isPresent();
        assertThat(SameOrigin.refusal("POST", HOST, null, "http://192.168.1.108:8080/rooms"))
                .isEmpty();
        assertThat(SameOrigin.refusal("POST", HOST, null, null)).isEmpty();
        assertThat(SameOrigin.refusal("POST", null, "http://192.168.1.108:8080", null))
                .as("no Host")
                .isPresent();
    }

    @Test
    void onlyApplicationJsonIsJson() {
        assertThat(SameOrigin.isJson("application/json")).isTrue();
        assertThat(SameOrigin.isJson("Application/JSON; charset=utf-8")).isTrue();
        assertThat(SameOrigin.isJson("text/plain")).isFalse();
        assertThat(SameOrigin.isJson("application/x-www-form-urlencoded")).isFalse();
        assertThat(SameOrigin.isJson("application/json-seq")).isFalse();
        assertThat(SameOrigin.isJson(null)).isFalse();
    }
}
