package org.openvto.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.testkit.Await;

/**
 * Log / Record Search › Unlock Records in a real Chromium: unlock records of several methods made through the
 * virtual façade's API (cards, a PIN, a remote unlock), searched by time range and method; the rows shown are
 * exactly the matching ones, and the page's Export CSV link (fetched with the session) gives exactly those rows in
 * the export's columns.
 */
class RecordSearchBrowserIT {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @TempDir
    Path dir;

    @Test
    void unlockRecordsAreSearchedByTimeAndMethodAndExportedWithTheSameFilter() throws Exception {
        try (AccessVto v = AccessVto.start(dir.resolve("data"), "RecordSearchBrowserIT", Map.of());
                Browser chromium = new Browser()) {
            v.ok("PUT", "/api/v1/access-control", "{'unlockRespondingInterval':0}");
            v.ok(
                    "POST",
                    "/api/v1/people",
                    "{'room':'101','name':'Anna Muster','pin':'2580','cards':[{'number':'1001'}]}");
            v.ok("POST", "/api/v1/people", "{'room':'102','name':'Bob Beispiel','cards':[{'number':'1002'}]}");

            // before the range: one card unlock
            card(v, "1001");
            await(v, 1);
            Instant first = Instant.parse(v.unlocks().get(0).path("at").asText());
            Instant from = first.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Await.until(
                    "the clock passes " + from,
                    Duration.ofSeconds(5),
                    () -> Instant.now().isAfter(from));

            // in the range: three card presentations (one unknown), a PIN and a remote unlock
            card(v, "1001");
            await(v, 2);
            card(v, "4711");
            await(v, 3);
            v.type("#2580#");
            await(v, 4);
            v.ok("POST", "/api/v1/doors/1/open", null);
            await(v, 5);
            card(v, "1002");
            await(v, 6);

            Page page = chromium.newPage(1280, 1000);
            chromium.run("record-search", () -> {
                v.login(page);
                page.navigate(v.vto.baseUrl() + "/console/records/unlocks");
                assertThat(page.locator("h1")).hasText("Log / Record Search › Unlock Records");
                assertThat(page.locator("#record-count")).hasAttribute("data-total", "6");
                ZoneId zone =
                        ZoneId.of(page.locator("#record-zone").textContent().split(" ")[0]);

                page.fill("#from", LocalDateTime.ofInstant(from, zone).format(LOCAL));
                page.selectOption("#type", "card");
                page.click("#record-filter-apply");
                assertThat(page.locator("#record-count")).hasAttribute("data-total", "3");
                Locator rows = page.locator("#record-list tbody tr");
                assertThat(rows).hasCount(3);
                // newest first: …1002 granted, …4711 refused (unknown card), …1001 granted
                assertThat(rows.nth(0).locator("td[data-label=credential]")).hasText("…1002");
                assertThat(rows.nth(0).locator("td[data-label=person]")).hasText("Bob Beispiel");
                assertThat(rows.nth(1).locator("td[data-label=credential]")).hasText("…4711");
                assertThat(rows.nth(1).locator("td[data-label=result]")).hasText("refused");
                assertThat(rows.nth(2).locator("td[data-label=credential]")).hasText("…1001");
                assertThat(rows.nth(2).locator("td[data-label=result]")).hasText("granted");
                for (int i = 0; i < 3; i++) {
                    assertThat(rows.nth(i).locator("td[data-label=method]")).hasText("card");
                }
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    ids.add(rows.nth(i).getAttribute("data-record"));
                }
                Browser.snapshot(page, "record-search");

                String href = page.locator("#export-csv").getAttribute("href");
                assertThat(href)
                        .startsWith("/api/v1/records/unlocks/export.csv?")
                        .contains("type=card");
                APIResponse csv = page.request().get(v.vto.baseUrl() + href);
                assertThat(csv.status()).isEqualTo(200);
                assertThat(csv.headers().get("content-type")).startsWith("text/csv");
                List<List<String>> lines = parse(new String(csv.body(), StandardCharsets.UTF_8));
                assertThat(lines.get(0))
                        .containsExactly(
                                "record", "time", "method", "room", "person", "credential", "lock", "result", "reason");
                assertThat(lines).hasSize(4);
                assertThat(lines.subList(1, 4).stream().map(l -> l.get(0))).containsExactlyElementsOf(ids);
                assertThat(lines.subList(1, 4).stream().map(l -> l.get(2))).containsOnly("card");
                assertThat(lines.get(1).subList(3, 8)).containsExactly("102", "Bob Beispiel", "…1002", "1", "granted");
                assertThat(lines.get(2).get(7)).isEqualTo("refused");
                assertThat(lines.get(2).get(8)).isNotEmpty();
                assertThat(lines.get(3).subList(3, 8)).containsExactly("101", "Anna Muster", "…1001", "1", "granted");
                for (List<String> l : lines.subList(1, 4)) {
                    Instant at = LocalDateTime.parse(l.get(1).replace(' ', 'T'))
                            .atZone(zone)
                            .toInstant();
                    assertThat(at).isAfterOrEqualTo(from);
                }

                // the other methods in the range, one each
                page.selectOption("#type", "password");
                page.click("#record-filter-apply");
                assertThat(page.locator("#record-list tbody tr")).hasCount(1);
                assertThat(page.locator("#record-list td[data-label=person]")).hasText("Anna Muster");
                page.selectOption("#type", "remote");
                page.click("#record-filter-apply");
                assertThat(page.locator("#record-list tbody tr")).hasCount(1);
                assertThat(page.locator("#record-list td[data-label=credential]"))
                        .hasText("admin");

                // a bad filter names the parameter and shows every record
                page.fill("#room", "10-1");
                page.click("#record-filter-apply");
                assertThat(page.locator("#error-summary")).containsText("room must be a room number");
            });
        }
    }

    private static void card(AccessVto v, String number) throws Exception {
        v.ok("POST", "/api/v1/facade/card", "{'number':'" + number + "'}");
    }

    private static void await(AccessVto v, int records) throws InterruptedException {
        Await.until("unlock record " + records, Duration.ofSeconds(10), () -> v.unlockCount() >= records);
    }

    /** RFC 4180 lines (quoted fields with commas, quotes and line breaks), the BOM stripped. */
    static List<List<String>> parse(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !line.isEmpty()) {
            line.add(field.toString());
            lines.add(line);
        }
        return lines;
    }
}
