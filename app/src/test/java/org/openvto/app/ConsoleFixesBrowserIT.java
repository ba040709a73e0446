package org.openvto.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-use walk of a new installer, in a real Chromium: the checklist follows the real configuration,
 * rejected forms lead to their errors, the console works by keyboard and on a phone, the lists page and count
 * correctly, unknown pages get the console's 404, and Reboot restarts and returns to the console.
 */
class ConsoleFixesBrowserIT {
    static final String PASSWORD = "Door#Bell42";
    static final Pattern DONE = Pattern.compile("\\bdone\\b");

    @TempDir
    Path dir;

    @Test
    void aNewInstallerIsGuidedThroughTheConsoleOnDesktopPhoneAndKeyboard() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (Browser chromium = new Browser();
                VtoProcess vto = new VtoProcess(data, "ConsoleFixesBrowserIT").start()) {
            Page page = chromium.newPage(1280, 900);
            page.onDialog(Dialog::accept);
            chromium.run("console-fixes", () -> {
                login(page, vto);
                checklistStartsWithOnlyInitializationDone(page);
                rejectedFormLeadsToItsErrors(page, vto);
                configureTheBuilding(page, vto);
                batchFormReportsEveryRuleAtOnce(page, vto);
                roomListPagesAndCounts(page, vto);
                checklistReflectsTheConfiguration(page, vto);
                thisVtoShowsItselfOnline(page, vto);
                unknownPagesGetTheConsoles404(page, vto);
                rejectedInputSaysNothingWasSaved(page, vto);
            });
            Page phone = chromium.newPage(375, 667);
            phone.onDialog(Dialog::accept);
            chromium.run("console-fixes-phone", () -> {
                login(phone, vto);
                listActionsAreVisibleOnAPhone(phone, vto);
                skipLinkAndMenuWorkByKeyboard(phone, vto);
            });
            chromium.run("console-fixes-reboot", () -> rebootRestartsAndReturnsToTheConsole(page, vto));
        }
    }

    private static void checklistStartsWithOnlyInitializationDone(Page page) {
        assertThat(page.locator("#step-init")).hasClass(DONE);
        for (String step : new String[] {"vto-number", "system-type", "sip", "vtos", "rooms"}) {
            assertThat(page.locator("#step-" + step)).not().hasClass(DONE);
        }
        assertThat(page.locator("#step-system-type")).containsText("not confirmed yet");
    }

    private static void rejectedFormLeadsToItsErrors(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/console/local/basic");
        page.fill("#vtoNumber", "123456");
        page.click("#save");
        Locator summary = page.locator("#error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).isFocused();
        assertThat(summary.locator("a[href='#vtoNumber']")).hasText("VTO No. must be 1 to 5 digits");
        assertThat(page.locator("#vtoNumber")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#vtoNumber")).hasAttribute("aria-describedby", "vtoNumber-error");
        assertThat(page.locator("#vtoNumber-error")).hasText("VTO No. must be 1 to 5 digits");
        assertThat(page.locator("#systemType")).not().hasAttribute("aria-invalid", "true");
        summary.locator("a[href='#vtoNumber']").click();
        assertThat(page.locator("#vtoNumber")).isFocused();
        assertThat(page.locator("#vto-number")).hasText("8001"); // nothing changed
    }

    private static void configureTheBuilding(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/console/local/basic");
        page.fill("#vtoNumber", "8001");
        page.selectOption("#systemType", "TCP/IP");
        page.click("#save");
        assertThat(page.locator("#notice")).hasText("Saved.");
        page.navigate(vto.baseUrl() + "/console/network/sip");
        page.check("#sip-enabled");
        page.selectOption("#sip-type", "VTO");
        page.click("#save");
        assertThat(page.locator("#notice")).hasText("Saved. The SIP services restart with these settings.");
        page.navigate(vto.baseUrl() + "/console/household/vto");
        page.fill("#recNo", "8001");
        page.fill("#ipAddress", "192.168.1.108");
        page.click("#vto-save");
        assertThat(page.locator("#notice")).hasText("Saved.");
        // a crafted ?saved= text is not printed
        page.navigate(vto.baseUrl() + "/console/household/vto?saved=Your+device+is+hacked");
        assertThat(page.locator("#notice")).hasCount(0);
    }

    private static void batchFormReportsEveryRuleAtOnce(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/console/household/rooms");
        page.fill("#layers", "many");
        page.fill("#roomsPerLayer", "0");
        page.fill("#firstFloorNo", "201");
        page.fill("#secondFloorNo", "101");
        page.click("#batch-add");
        assertThat(page.locator(".field-error[data-field=layers]")).containsText("whole number");
        assertThat(page.locator(".field-error[data-field=roomsPerLayer]")).containsText("1 to 99");
        assertThat(page.locator(".field-error[data-field=secondFloorNo]"))
                .containsText("Second floor below first floor");
        assertThat(page.locator("#error-summary li")).hasCount(3);
        assertThat(page.locator("#room-count")).containsText("0 devices");
        // reloading the address the rejected form answered shows the console, not a framework message
        page.navigate(vto.baseUrl() + "/console/household/rooms/batch");
        assertThat(page.locator("#batch-panel")).isVisible();
    }

    private static void roomListPagesAndCounts(Page page, VtoProcess vto) {
        page.fill("#layers", "3");
        page.fill("#roomsPerLayer", "8");
        page.fill("#firstFloorNo", "101");
        page.fill("#secondFloorNo", "201");
        page.click("#batch-add");
        assertThat(page.locator("#batch-state")).hasText("24 rooms added.");
        page.click("#batch-done");
        assertThat(page.locator("#room-count")).containsText("24 devices · page 1 of 2");
        assertThat(page.locator("#page-of")).hasText("Page 1 of 2");
        assertThat(page.locator("#page-previous")).hasCount(0);
        page.click("#page-next");
        assertThat(page.locator("#page-of")).hasText("Page 2 of 2");
        assertThat(page.locator("#page-next")).hasCount(0);
        page.click("#page-previous");
        assertThat(page.locator("#page-of")).hasText("Page 1 of 2");
        page.navigate(vto.baseUrl() + "/console/household/rooms?search=101");
        assertThat(page.locator("#room-count")).containsText("1 device ·");
    }

    private static void checklistReflectsTheConfiguration(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/");
        for (String step : new String[] {"init", "vto-number", "system-type", "sip", "vtos", "rooms"}) {
            assertThat(page.locator("#step-" + step)).hasClass(DONE);
        }
        assertThat(page.locator("#step-rooms")).containsText("24 rooms");
        assertThat(page.locator("#step-vtos")).containsText("1 VTO");
    }

    private static void thisVtoShowsItselfOnline(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/console/household/vto");
        assertThat(page.locator("tr[data-rec-no='8001'] td.status")).hasText("Online · this VTO");
    }

    private static void unknownPagesGetTheConsoles404(Page page, VtoProcess vto) {
        var response = page.navigate(vto.baseUrl() + "/console/no-such-page");
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("main")).containsText("There is no page at /console/no-such-page");
    }

    private static void rejectedInputSaysNothingWasSaved(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/console/network/basic");
        String stored = page.inputValue("#ipAddress");
        page.fill("#ipAddress", "300.1.1.1");
        page.click("#save");
        assertThat(page.locator("#address-note")).containsText("Nothing was saved");
        assertThat(page.locator("#address-note")).containsText("still " + stored);
        assertThat(page.locator("#address-note")).not().containsText("is stored");
        assertThat(page.locator("#ipAddress")).hasAttribute("aria-invalid", "true");

        page.navigate(vto.baseUrl() + "/console/local/system");
        page.setInputFiles(
                "#file",
                new com.microsoft.playwright.options.FilePayload(
                        "notes.txt",
                        "text/plain",
                        "this is not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.click("#import");
        assertThat(page.locator("#import-errors")).containsText("The file is not an OpenVTO configuration (JSON)");
        assertThat(page.locator("#import-errors")).not().containsText("Unrecognized token");
        page.navigate(vto.baseUrl() + "/console/household/rooms");
        assertThat(page.locator("#room-count")).containsText("24 devices"); // nothing changed
    }

    private static void listActionsAreVisibleOnAPhone(Page phone, VtoProcess vto) {
        for (String list : new String[] {"/console/household/vto", "/console/household/rooms"}) {
            phone.navigate(vto.baseUrl() + list);
            Locator rows = phone.locator("table.list tbody tr");
            assertThat(rows.first()).isVisible();
            for (String selector : new String[] {"td.status", "a.modify", "button.danger"}) {
                Locator target = rows.first().locator(selector);
                assertThat(target).isVisible();
                BoundingBox box = target.boundingBox();
                assertThat(box.x).as(list + " " + selector + " left edge").isGreaterThanOrEqualTo(0);
                assertThat(box.x + box.width)
                        .as(list + " " + selector + " right edge")
                        .isLessThanOrEqualTo(375);
            }
            Object scrollWidth = phone.evaluate("document.documentElement.scrollWidth");
            assertThat(((Number) scrollWidth).intValue())
                    .as(list + " has no sideways scrolling")
                    .isLessThanOrEqualTo(375);
            Browser.snapshot(phone, "phone" + list.replace('/', '-'));
        }
    }

    private static void skipLinkAndMenuWorkByKeyboard(Page phone, VtoProcess vto) {
        phone.navigate(vto.baseUrl() + "/console/household/rooms");
        phone.keyboard().press("Tab");
        assertThat(phone.locator("#skip-link")).isFocused();
        assertThat(phone.locator("#skip-link")).hasText("Skip to content");
        Locator button = phone.locator("#menu-button");
        assertThat(button).hasAttribute("aria-expanded", "false");
        assertThat(button).hasAttribute("aria-controls", "menu-body");
        assertThat(phone.locator("#menu-body")).isHidden();
        button.focus();
        phone.keyboard().press("Enter");
        assertThat(button).hasAttribute("aria-expanded", "true");
        assertThat(phone.locator("#menu-body")).isVisible();
        assertThat(phone.locator("#menu-body a[aria-current=page]")).hasText("Room No. Management");
        phone.keyboard().press("Space");
        assertThat(button).hasAttribute("aria-expanded", "false");
        assertThat(phone.locator("#menu-body")).isHidden();
    }

    private static void rebootRestartsAndReturnsToTheConsole(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/console/local/system");
        page.click("#reboot");
        assertThat(page.locator("#reboot-confirm")).isVisible();
        page.click("#reboot-confirm");
        assertThat(page.locator("#restart-message")).containsText("restarting");
        page.waitForURL(vto.baseUrl() + "/", new Page.WaitForURLOptions().setTimeout(30_000));
        assertThat(page.locator("h1")).hasText("Main Interface");
        page.navigate(vto.baseUrl() + "/console/records/security?type=system");
        assertThat(page.locator("table.log")).containsText("system/reboot");
        assertThat(page.locator("#log-zone")).isVisible();
        page.navigate(vto.baseUrl() + "/console/records/security?type=config");
        Locator batch = page.locator("table.log tr", new Page.LocatorOptions().setHasText("rooms added in batch"));
        assertThat(batch).containsText("admin");
        assertThat(batch).containsText("127.0.0.1");
        // the type filter leaves the logins out
        assertThat(page.locator("table.log tbody tr", new Page.LocatorOptions().setHasText("login/")))
                .hasCount(0);
    }

    private static void login(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/login");
        page.fill("#username", "admin");
        page.fill("#password", PASSWORD);
        page.click("#login");
        assertThat(page).hasURL(Pattern.compile(".*/$"));
    }
}
