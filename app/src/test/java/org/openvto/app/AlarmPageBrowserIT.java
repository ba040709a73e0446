package org.openvto.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Door Station › Alarms on two open pages: pulling the VTO off the wall (the virtual façade's tamper switch) shows
 * the tamper alarm on both without a reload; acknowledged on one, both show it acknowledged while the switch is
 * still released; once the switch is back the alarm is cleared and leaves both lists, again without a reload.
 */
class AlarmPageBrowserIT {
    @TempDir
    Path dir;

    @Test
    void anAlarmAppearsIsAcknowledgedAndClearsLiveOnEveryOpenPage() throws Exception {
        try (AccessVto v = AccessVto.start(dir.resolve("data"), "AlarmPageBrowserIT", Map.of());
                Browser chromium = new Browser()) {
            Page one = chromium.newPage(1280, 900);
            Page two = chromium.newPage(1280, 900);
            chromium.run("alarm-page", () -> {
                for (Page p : new Page[] {one, two}) {
                    v.login(p);
                    p.navigate(v.vto.baseUrl() + "/console/alarms");
                    assertThat(p.locator("h1")).hasText("Door Station › Alarms");
                    assertThat(p.locator("#stream-status")).hasAttribute("data-connected", "true");
                    assertThat(p.locator("#no-alarms")).isVisible();
                }
                // a mark that a reload of page two would wipe
                two.evaluate("() => { window.notReloaded = true; }");

                v.ok("PUT", "/api/v1/facade/tamper", "{'released':true}");
                for (Page p : new Page[] {one, two}) {
                    assertThat(p.locator("#alarm-list tr[data-type=tamper]")).hasCount(1);
                    assertThat(p.locator("#alarm-list tr[data-type=tamper] .alarm-title"))
                            .hasText("Tamper");
                    assertThat(p.locator("#alarm-list tr[data-type=tamper] .alarm-state"))
                            .not()
                            .containsText("Acknowledged");
                }
                JsonNode active = v.get("/api/v1/alarms").path("alarms");
                assertThat(active).hasSize(1);
                long id = active.get(0).path("id").asLong();
                Browser.snapshot(two, "alarm-page-raised");

                one.click("#acknowledge-" + id);
                assertThat(one.locator("#notice")).hasText("Alarm acknowledged.");
                for (Page p : new Page[] {one, two}) {
                    assertThat(p.locator("#alarm-" + id)).hasAttribute("data-state", "acknowledged");
                    assertThat(p.locator("#alarm-" + id + " .alarm-state")).containsText("Acknowledged by admin");
                    assertThat(p.locator("#alarm-" + id + " .alarm-state")).containsText("condition not ended");
                    assertThat(p.locator("#acknowledge-" + id)).hasCount(0);
                }
                Browser.snapshot(two, "alarm-page-acknowledged");

                v.ok("PUT", "/api/v1/facade/tamper", "{'released':false}");
                for (Page p : new Page[] {one, two}) {
                    assertThat(p.locator("#alarm-" + id)).hasCount(0);
                    assertThat(p.locator("#no-alarms")).isVisible();
                }
                assertThat(v.get("/api/v1/alarms").path("alarms")).isEmpty();
                // page two was never reloaded: everything came over the event stream
                assertThat(two.evaluate("() => window.notReloaded === true")).isEqualTo(true);
                assertThat(two.url()).endsWith("/console/alarms");
                assertThat(v.get("/api/v1/records/alarms?type=tamper")
                                .path("records")
                                .get(0)
                                .path("state")
                                .asText())
                        .isEqualTo("cleared");
            });
        }
    }
}
