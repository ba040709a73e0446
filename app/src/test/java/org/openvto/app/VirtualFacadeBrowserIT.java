package org.openvto.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;

/**
 * The virtual façade in a real Chromium with the event stream read by an independent client: pressing the first
 * button of a five-button module produces a key event carrying its room, the call indicator and the display
 * respond without a reload, unplugging the card module shows it offline (and a card is then refused), the door
 * and the tamper switch report their events.
 */
class VirtualFacadeBrowserIT {
    static final String PASSWORD = "Door#Bell42";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String LAYOUT = "{\"model\":\"VTO4202F-MB5\",\"modules\":[{\"kind\":\"camera\"},"
            + "{\"kind\":\"indicator\"},{\"kind\":\"button-5\",\"keys\":[\"101\",\"102\",\"\",\"\",\"\"]},"
            + "{\"kind\":\"display\"},{\"kind\":\"keyboard\"},{\"kind\":\"card\"}]}";

    @TempDir
    Path dir;

    @Test
    void aVisitorUsesTheVirtualFacadeAndEveryActionIsOnTheEventStream() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
        try (Browser chromium = new Browser();
                VtoProcess vto = new VtoProcess(data, "VirtualFacadeBrowserIT").start()) {
            for (String room : new String[] {"101", "102"}) {
                assertThat(api.send(
                                        vto.baseUrl(),
                                        "POST",
                                        "/api/v1/rooms",
                                        "{\"roomNo\":\"" + room + "\",\"firstName\":\"Resident\",\"lastName\":\"" + room
                                                + "\"}")
                                .statusCode())
                        .isEqualTo(201);
            }
            HttpResponse<String> saved = api.send(vto.baseUrl(), "PUT", "/api/v1/facade", LAYOUT);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

            HttpResponse<Stream<String>> stream = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256)
                    .stream(vto.baseUrl(), "/api/v1/events?topics=facade/,door/");
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            BlockingQueue<String> lines = new ArrayBlockingQueue<>(10_000);
            Thread reader = Thread.ofVirtual().start(() -> {
                Iterator<String> it = stream.body().iterator();
                try {
                    while (it.hasNext()) {
                        lines.offer(it.next());
                    }
                } catch (java.io.UncheckedIOException closed) {
                    // the test closed the stream
                }
            });

            Page page = chromium.newPage(1280, 1000);
            chromium.run("virtual-facade", () -> {
                login(page, vto);
                page.navigate(vto.baseUrl() + "/console/facade/virtual");
                assertThat(page.locator("#stream-status")).hasAttribute("data-connected", "true");
                assertThat(page.locator("#vmodule-2")).hasAttribute("data-kind", "button-5");
                assertThat(page.locator("#vkey-2-0")).containsText("101");
                assertThat(page.locator("#display-text")).containsText("101 · Resident 101");
                assertThat(page.locator("#indicator-call")).hasAttribute("data-lit", "false");

                // this VTO is no SIP server here: the key makes the call, which fails at once and says why
                page.click("#vkey-2-0");
                assertThat(page.locator("#display-text")).containsText("Call failed");
                assertThat(page.locator("#display-text")).containsText("SIP server is not running");
                assertThat(page.locator("#last-sound")).hasText("error");
                assertThat(page.locator("#indicator-call")).hasAttribute("data-lit", "false");

                page.click("#vkeypad-next");
                assertThat(page.locator("#display-text")).containsText("102 · Resident 102");

                page.click("#vmodule-5-plug");
                assertThat(page.locator("#vmodule-5")).hasAttribute("data-online", "false");
                assertThat(page.locator("#vmodule-5-status")).containsText("Offline · not connected");
                page.fill("#vcard", "1234567");
                page.click("#vcard-present");
                assertThat(page.locator("#refusal")).containsText("The card swiping module is offline");

                page.click("#vdoor");
                assertThat(page.locator("#door-state")).hasText("Open");
                page.click("#vtamper");
                assertThat(page.locator("#tamper-state")).containsText("Released");
                Browser.snapshot(page, "virtual-facade");
            });

            JsonNode key = next(lines, "facade/key/pressed");
            assertThat(key.path("module").asInt()).isEqualTo(2);
            assertThat(key.path("key").asInt()).isZero();
            assertThat(key.path("room").asText()).isEqualTo("101");
            assertThat(next(lines, "facade/keypad/pressed").path("key").asText())
                    .isEqualTo("NEXT");
            JsonNode offline = next(lines, "facade/module/5/offline");
            assertThat(offline.path("kind").asText()).isEqualTo("card");
            assertThat(offline.path("status").path("reason").asText()).contains("not connected");
            assertThat(next(lines, "door/1/opened").path("open").asBoolean()).isTrue();
            assertThat(next(lines, "facade/tamper/released").path("released").asBoolean())
                    .isTrue();

            // the same module, from the API: offline with its reason in the layout's status
            JsonNode status = MAPPER.readTree(api.send(vto.baseUrl(), "GET", "/api/v1/facade", null)
                            .body())
                    .path("status");
            assertThat(status.get(5).path("status").asText()).isEqualTo("offline");
            assertThat(status.get(2).path("status").asText()).isEqualTo("online");
            HttpResponse<String> refused =
                    api.send(vto.baseUrl(), "POST", "/api/v1/facade/card", "{\"number\":\"1234567\"}");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(api.send(vto.baseUrl(), "POST", "/api/v1/facade/card", "{\"number\":7}")
                            .statusCode())
                    .isEqualTo(400);
            stream.body().close();
            reader.join(Duration.ofSeconds(5));
        }
    }

    /** The data of the next event named {@code topic} on the stream (10 s at most). */
    private static JsonNode next(BlockingQueue<String> lines, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean named = false;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals("event: " + topic)) {
                named = true;
            } else if (named && line.startsWith("data: ")) {
                return MAPPER.readTree(line.substring("data: ".length()));
            }
        }
        throw new AssertionError("no " + topic + " event on the stream within 10 s");
    }

    private static void login(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/login");
        page.fill("#username", "admin");
        page.fill("#password", PASSWORD);
        page.click("#login");
        assertThat(page).hasURL(Pattern.compile(".*/$"));
    }
}
