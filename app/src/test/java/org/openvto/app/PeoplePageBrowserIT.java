package org.openvto.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Household Setting › People and Local Setting › Access Control in a real Chromium: a person added with a card and
 * a PIN through the form; a rejected form names each rule and stores nothing; Report loss; a fingerprint enrolled
 * from the (virtual) module while the page waits; a CSV import with bad rows lists each row and imports nothing;
 * the Access Control form's rules and the public unlock password.
 */
class PeoplePageBrowserIT {
    @TempDir
    Path dir;

    @Test
    void peopleAreAddedRejectedReportedLostEnrolledAndImported() throws Exception {
        try (AccessVto v = AccessVto.start(dir.resolve("data"), "PeoplePageBrowserIT", Map.of());
                Browser chromium = new Browser()) {
            Page page = chromium.newPage(1280, 1200);
            page.onDialog(d -> d.accept());
            chromium.run("people-page", () -> {
                v.login(page);
                page.click("#menu-body a[href='/console/household/people']");
                assertThat(page.locator("h1")).hasText("Household Setting › People");

                // rejected: no room, a short PIN, a bad card date — every rule named, nothing stored
                page.fill("#name", "Bob");
                page.fill("#pin", "12");
                page.fill("[id='cards[1].number']", "2002");
                page.fill("[id='cards[1].validFrom']", "2026-12-31");
                page.fill("[id='cards[1].validTo']", "2026-01-01");
                page.click("#person-save");
                Locator summary = page.locator("#error-summary");
                assertThat(summary).containsText("Room is required");
                assertThat(summary).containsText("PIN must be 4 to 8 digits");
                assertThat(summary).containsText("Card 2 valid to must not be before valid from");
                assertThat(page.locator("#notice")).hasText("Nothing was saved.");
                assertThat(page.locator("[id='cards[1].number']")).hasValue("2002");
                assertThat(v.get("/api/v1/people").path("total").asInt()).isZero();

                // added with a card and a PIN
                page.navigate(v.vto.baseUrl() + "/console/household/people");
                page.selectOption("#room", "101");
                page.fill("#name", "Anna Muster");
                page.fill("#pin", "2580");
                page.fill("[id='cards[0].number']", "12345678");
                page.click("#person-save");
                assertThat(page.locator("#notice")).hasText("Saved.");
                Locator anna = page.locator("#people-list tr[data-name='Anna Muster']");
                assertThat(anna.locator("td[data-label=Room]")).hasText("101");
                assertThat(anna.locator(".person-card[data-card='…5678']")).hasAttribute("data-status", "normal");
                assertThat(anna.locator("td.pin")).hasText("Set");
                assertThat(page.locator("#people-list")).not().containsText("12345678");
                JsonNode person = v.get("/api/v1/people").path("people").get(0);
                assertThat(person.path("hasPin").asBoolean()).isTrue();
                long id = person.path("id").asLong();

                // the PIN is kept when the field is left empty
                page.fill("#name", "Anna M. Muster");
                page.click("#person-save");
                assertThat(page.locator("#notice")).hasText("Saved.");
                assertThat(v.get("/api/v1/people/" + id).path("hasPin").asBoolean())
                        .isTrue();
                assertThat(v.get("/api/v1/people/" + id).path("name").asText()).isEqualTo("Anna M. Muster");

                // fingerprint enrolment: the page waits for the finger, then shows it enrolled
                page.fill("#label", "right index");
                page.click("#enrol");
                assertThat(page.locator("#enrol-waiting")).containsText("Place the finger on the fingerprint module");
                v.ok("POST", "/api/v1/facade/finger", "{'template':'finger-anna-1'}");
                assertThat(page.locator("#fingerprint-count")).hasAttribute("data-count", "1");
                assertThat(page.locator("#enrol-waiting")).hasCount(0);
                assertThat(page.locator("#fingerprint-list")).containsText("right index");

                // report loss
                page.navigate(v.vto.baseUrl() + "/console/household/people");
                anna = page.locator("#people-list tr[data-person='" + id + "']");
                anna.locator(".report-loss").click();
                assertThat(page.locator("#notice")).containsText("Card reported lost");
                assertThat(anna.locator(".person-card[data-card='…5678']")).hasAttribute("data-status", "lost");
                assertThat(anna.locator(".report-loss")).hasCount(0);
                assertThat(v.get("/api/v1/people/" + id)
                                .path("cards")
                                .get(0)
                                .path("status")
                                .asText())
                        .isEqualTo("lost");

                // CSV import with bad rows: each named, nothing imported
                page.fill(
                        "#import-csv",
                        "room,name,card,valid_from,valid_to\n102,Bob,2001,,\n999,Eve,2002,,\n102,Carl,12ab,,\n");
                page.click("#import");
                Locator errors = page.locator("#import-errors .import-error");
                assertThat(errors).hasCount(2);
                assertThat(errors.nth(0)).containsText("line 3");
                assertThat(errors.nth(0)).containsText("999");
                assertThat(errors.nth(1)).containsText("line 4: card must be 1 to 20 digits");
                assertThat(page.locator("#import-csv")).hasValue(Pattern.compile(".*999,Eve.*", Pattern.DOTALL));
                assertThat(v.get("/api/v1/people").path("total").asInt()).isEqualTo(1);
                Browser.snapshot(page, "people-import-rejected");
                page.fill("#import-csv", "102,Bob,2001,,\n102,Bob,2003,2026-01-01,2027-12-31\n");
                page.click("#import");
                assertThat(page.locator("#notice")).hasText("1 person was imported.");
                assertThat(page.locator("#people-list tr[data-name=Bob] .person-card"))
                        .hasCount(2);
                Browser.snapshot(page, "people");

                // Local Setting › Access Control: a rule broken is named and nothing saved
                page.click("#menu-body a[href='/console/local/access-control']");
                page.fill("#unlockPeriod", "99");
                page.fill("#recordDays", "many");
                page.fill("#unlockRespondingInterval", "7");
                page.click("#access-save");
                assertThat(page.locator("#error-summary"))
                        .containsText("Unlock Period must be between 1 and 20 whole seconds");
                assertThat(page.locator("#error-summary")).containsText("Record Days must be a whole number");
                assertThat(v.get("/api/v1/access-control")
                                .path("unlockRespondingInterval")
                                .asInt())
                        .isEqualTo(5);
                page.fill("#unlockPeriod", "4");
                page.fill("#recordDays", "30");
                page.selectOption("[id='locks.exit-button']", "lock-2");
                page.uncheck("#forcedOpenAlarm");
                page.click("#access-save");
                assertThat(page.locator("#notice")).hasText("Saved.");
                JsonNode access = v.get("/api/v1/access-control");
                assertThat(access.path("unlockPeriod").asInt()).isEqualTo(4);
                assertThat(access.path("unlockRespondingInterval").asInt()).isEqualTo(7);
                assertThat(access.path("recordDays").asInt()).isEqualTo(30);
                assertThat(access.path("locks").path("exit-button").asText()).isEqualTo("lock-2");
                assertThat(access.path("forcedOpenAlarm").asBoolean()).isFalse();
                assertThat(access.path("doorSensorEnabled").asBoolean()).isTrue();

                page.fill("#password", "123456");
                page.click("#public-password-save");
                assertThat(page.locator("#error-summary"))
                        .containsText("Public Unlock Password must not be one digit repeated or a run");
                assertThat(v.get("/api/v1/access-control")
                                .path("publicPasswordSet")
                                .asBoolean())
                        .isFalse();
                page.fill("#password", "2580");
                page.click("#public-password-save");
                assertThat(page.locator("#error-summary")).containsText("must be 6 to 8 digits");
                page.fill("#password", "258147");
                page.click("#public-password-save");
                assertThat(page.locator("#notice")).hasText("Public unlock password saved.");
                assertThat(v.get("/api/v1/access-control")
                                .path("publicPasswordSet")
                                .asBoolean())
                        .isTrue();
                page.click("#public-password-remove");
                assertThat(page.locator("#public-password-state")).hasText("No public unlock password is set.");
            });
        }
    }
}
