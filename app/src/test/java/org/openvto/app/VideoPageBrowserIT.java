package org.openvto.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local Setting › Video &amp; Audio in Chromium: the preview shows the camera's picture, the status follows a viewer
 * that starts watching without a reload (measured fps, encoder CPU), a bad value is refused naming its rule with
 * what was typed kept, and a good one is saved and live.
 */
class VideoPageBrowserIT {
    @TempDir
    Path dir;

    @Test
    void thePreviewAndStatusAreLiveAndTheFormNamesEachBrokenRule() throws Exception {
        try (AccessVto v = AccessVto.start(dir.resolve("data"), "VideoPageBrowserIT", Map.of());
                Browser chromium = new Browser()) {
            Page page = chromium.newPage(1280, 1400);
            chromium.run("video-page", () -> {
                v.login(page);
                page.navigate(v.vto.baseUrl() + "/console/local/video-audio");
                assertThat(page.locator("h1")).containsText("Video & Audio");
                page.waitForFunction("() => document.querySelector('#preview').naturalWidth === 320");
                assertThat(page.locator("#stream-status tr[data-stream=main] td")
                                .nth(2))
                        .containsText("idle");

                var viewer = VideoIT.viewer(
                        v.vto.rtspUrl(
                                "admin:" + URLEncoder.encode(AccessVto.PASSWORD, StandardCharsets.UTF_8),
                                "/cam/realmonitor?channel=1&subtype=0"),
                        120);
                page.evaluate("() => { window.notReloaded = true; }");
                assertThat(page.locator("#stream-status tr[data-stream=main] td")
                                .nth(2))
                        .containsText("running");
                assertThat(page.locator("#stream-status tr[data-stream=main] .fps"))
                        .hasText(Pattern.compile("([5-9]|1[0-2])\\.[0-9]"));
                assertThat(page.locator("#stream-status tr[data-stream=main] .cpu"))
                        .hasText(Pattern.compile("[0-9.]+ %"));
                assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
                Browser.snapshot(page, "video-page-running");

                page.fill("[id='main.width']", "641");
                page.fill("#maxStreams", "0");
                page.click("#save");
                assertThat(page.locator("#error-summary"))
                        .containsText("Main stream Width must be an even number of pixels, 160 to 1920");
                assertThat(page.locator("#error-summary")).containsText("Max. Streams must be 1 to 32");
                assertThat(page.locator("[id='main.width']")).hasValue("641");
                assertThat(v.get("/api/v1/video").path("main").path("width").asInt())
                        .isEqualTo(640);

                page.fill("[id='main.width']", "640");
                page.fill("#maxStreams", "6");
                page.fill("[id='sub.width']", "352");
                page.fill("[id='sub.height']", "288");
                page.click("#save");
                assertThat(page.locator("#notice")).containsText("Saved.");
                page.waitForFunction("() => document.querySelector('#preview').naturalWidth === 352");
                assertThat(v.get("/api/v1/video").path("sub").path("height").asInt())
                        .isEqualTo(288);
                Browser.snapshot(page, "video-page-saved");
                assertThat(viewer.get().exit()).isZero();
            });
        }
    }
}
