package org.openvto.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick Start Guide 4.2.1 in a real Chromium: Device Init on a fresh data directory, Login, the console menu, and
 * the account lock after five wrong passwords.
 */
class DeviceInitBrowserIT {
    static final String PASSWORD = "Door#Bell42";

    @TempDir
    Path dir;

    @Test
    void installerInitializesLogsInAndIsLockedOutAfterFiveWrongPasswords() throws Exception {
        try (VtoProcess vto = new VtoProcess(dir.resolve("data"), "DeviceInitBrowserIT").start();
                Browser chromium = new Browser()) {
            Page page = chromium.newPage(1280, 800);
            chromium.run("device-init", () -> {
                page.navigate(vto.baseUrl() + "/");
                assertThat(page).hasURL(Pattern.compile(".*/init$"));
                assertThat(page.locator("h1")).hasText("Device Init");

                page.fill("#password", "admin123");
                page.fill("#confirm", "admin123");
                page.click("#next");
                assertThat(page.locator(".field-error").first()).containsText("must not contain the account name");
                assertThat(page.locator(".field-error").nth(1)).containsText("consecutive characters such as 123");

                page.fill("#password", PASSWORD);
                page.fill("#confirm", "Door#Bell43");
                page.click("#next");
                assertThat(page.locator(".field-error")).hasText("the two passwords do not match");

                page.fill("#password", PASSWORD);
                page.fill("#confirm", PASSWORD);
                page.click("#next");
                assertThat(page).hasURL(Pattern.compile(".*/init/email$"));
                page.check("#email-enabled");
                page.fill("#email", "not-an-address");
                page.click("#next");
                assertThat(page.locator(".field-error")).containsText("name@example.com");
                page.fill("#email", "installer@example.com");
                page.click("#next");
                assertThat(page.locator("#init-succeeded")).hasText("Initialization succeeded.");
                page.click("#ok");
                assertThat(page).hasURL(Pattern.compile(".*/login$"));

                login(page, PASSWORD);
                assertThat(page).hasURL(vto.baseUrl() + "/");
                for (String section :
                        new String[] {"Local Setting", "Household Setting", "Network Setting", "Log / Record Search"}) {
                    assertThat(page.locator("nav.menu")).containsText(section);
                }
                assertThat(page.locator("#device-model")).hasText("VTO4202F-P");
                assertThat(page.locator("#vto-number")).hasText("8001");
                assertThat(page.locator("#firmware-version")).not().isEmpty();
                Browser.snapshot(page, "console-home");

                page.click("text=Security Log");
                assertThat(page.locator("table.log")).containsText("device/initialized");
                assertThat(page.locator("table.log")).containsText("login/succeeded");
                Browser.snapshot(page, "security-log");

                page.click("button:has-text('Logout')");
                assertThat(page).hasURL(Pattern.compile(".*/login$"));
                page.navigate(vto.baseUrl() + "/console/local/basic");
                assertThat(page).hasURL(Pattern.compile(".*/login$"));

                for (int attempt = 1; attempt <= 4; attempt++) {
                    login(page, "Wrong#Pass" + attempt);
                    assertThat(page.locator("#login-message"))
                            .containsText("Wrong user name or password. " + (5 - attempt)
                                    + (attempt == 4 ? " attempt" : " attempts") + " left");
                }
                login(page, "Wrong#Pass5");
                assertThat(page.locator("#login-message")).containsText("locked after 5 failed login attempts");
                login(page, PASSWORD);
                assertThat(page).hasURL(Pattern.compile(".*/login$"));
                assertThat(page.locator("#login-message"))
                        .hasText("The account and this address are locked after 5 failed login attempts. "
                                + "Try again in 30 minutes.");
            });
        }
    }

    @Test
    void consoleWorksOnAPhoneSizedScreen() throws Exception {
        Path data = dir.resolve("phone");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (VtoProcess vto = new VtoProcess(data, "DeviceInitBrowserIT-phone").start();
                Browser chromium = new Browser()) {
            Page page = chromium.newPage(390, 844);
            chromium.run("phone", () -> {
                page.navigate(vto.baseUrl() + "/login");
                login(page, PASSWORD);
                assertThat(page.locator(".menu-body")).isHidden();
                page.click("button.menu-button"); // a real button since the keyboard fix (was a checkbox label)
                assertThat(page.locator(".menu-body")).isVisible();
                page.click("text=Room No. Management");
                assertThat(page.locator("h1")).containsText("Room No. Management");
                assertThat(page.locator(".empty-state")).isVisible();
                Browser.snapshot(page, "phone-rooms");
                Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
                assertThat(overflow).as("no horizontal scrolling on a phone").isEqualTo(false);
            });
        }
    }

    private static void login(Page page, String password) {
        page.fill("#username", "admin");
        page.fill("#password", password);
        page.click("#login");
        page.waitForLoadState();
    }
}
